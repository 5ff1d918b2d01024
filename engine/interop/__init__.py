"""The field's formats: InfraGraph, NCCL topology files, nccl-tests results, ASTRA-sim.

One module per format, each turning bad input into an
:class:`~engine.errors.InteropError` that names the file, the element or
key and, where known, the line. Designs an importer builds are validated in
one place (:mod:`engine.interop.checked`). docs/interop.md has a worked
example of each.
"""
