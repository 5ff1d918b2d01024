"""Sweep results as a file: Parquet or CSV by extension, written as rows stream in.

Rows go to a temporary file beside the output (:mod:`engine.atomic_file`) and replace
the output only when the writer is committed, so a crash never leaves half a file
under the output's name; an interrupted sweep commits what it has. Parquet rows are written in row
groups of :data:`ROW_GROUP` rows, so memory holds one group at most; CSV rows are
written as they come. :func:`read_results` reads either back as numpy columns.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

import numpy as np
import pyarrow as pa
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq

from engine.atomic_file import AtomicFile
from engine.design_space.axes import BOOL, FLOAT, INT, TEXT
from engine.design_space.chunks import CURRENCY, POINT, Column, Rows, axis_names
from engine.design_space.front import COST, TIME, Summary, summarise

PARQUET, CSV = (".parquet", ".pq"), (".csv",)
ROW_GROUP = 50_000
AXES_KEY = b"cluster-workbench.axes"
_ARROW = {INT: pa.int64(), FLOAT: pa.float64(), TEXT: pa.string(), BOOL: pa.bool_()}


class ResultsWriter:
    """Appends rows to a temporary file; :meth:`commit` puts it in place."""

    def __init__(self, path: str | os.PathLike[str], columns: Sequence[Column],
                 axes: Sequence[str]) -> None:
        self.path = Path(path)
        suffix = self.path.suffix.lower()
        if suffix not in PARQUET + CSV:
            raise ValueError(f"{self.path}: results are written as .parquet or .csv, "
                             f"not {suffix or 'a file with no extension'}")
        self.columns = tuple(columns)
        self.rows = 0
        self._out = AtomicFile(self.path)
        self._pending: list[Rows] = []
        self._parquet: pq.ParquetWriter | None = None
        self._csv: TextIO | None = None
        with self._out.errors():
            if suffix in PARQUET:
                metadata = {AXES_KEY: json.dumps(list(axes)).encode()}
                schema = pa.schema([(c.name, _ARROW[c.kind]) for c in self.columns],
                                   metadata=metadata)
                self._parquet = pq.ParquetWriter(self._out.temp, schema)
            else:
                self._csv = io.TextIOWrapper(self._out.file, encoding="utf-8", newline="")
                self._writer = csv.writer(self._csv)
                self._writer.writerow([c.name for c in self.columns])

    def write(self, rows: Rows) -> None:
        """Append ``rows`` (columns of equal length, in :attr:`columns` order)."""
        count = len(next(iter(rows.values()), []))
        self.rows += count
        with self._out.errors():
            if self._csv is not None:
                cells = [rows[c.name] for c in self.columns]
                self._writer.writerows(zip(*(map(_csv_cell, column) for column in cells),
                                           strict=True))
                self._csv.flush()          # what is done is on disk, for whoever watches it
                return
            self._pending.append(rows)
            if sum(len(r[self.columns[0].name]) for r in self._pending) >= ROW_GROUP:
                self._flush()

    def commit(self) -> None:
        """Finish the file and put it in place of the output."""
        with self._out.errors():
            self._close()
        self._out.commit()

    def discard(self) -> None:
        """Drop the temporary file; the output is left as it was."""
        with contextlib.suppress(Exception):
            self._close()
        self._out.discard()

    def _flush(self) -> None:
        if self._parquet is None or not self._pending:
            return
        names = [c.name for c in self.columns]
        merged = {n: [cell for rows in self._pending for cell in rows[n]] for n in names}
        self._parquet.write_table(pa.table(merged, schema=self._parquet.schema))
        self._pending = []

    def _close(self) -> None:
        if self._parquet is not None:
            self._flush()
            self._parquet.close()
            self._parquet = None
        if self._csv is not None:
            self._csv.close()
            self._csv = None


def read_results(path: str | os.PathLike[str],
                 columns: Sequence[str] | None = None) -> dict[str, np.ndarray]:
    """The columns of a results file (all, or those named), numbers as floats with NaN
    where a figure is missing, text as objects."""
    suffix = Path(path).suffix.lower()
    if suffix not in PARQUET + CSV:
        raise ValueError(f"{path}: not a results file (.parquet or .csv)")
    with _reading(path):
        table = pq.read_table(path, columns=columns) if suffix in PARQUET else \
            pa_csv.read_csv(path, convert_options=pa_csv.ConvertOptions(
                include_columns=columns, strings_can_be_null=False))
    return {name: _numpy(table.column(name)) for name in table.column_names}


def column_names(path: str | os.PathLike[str]) -> list[str]:
    """The columns of a results file, in order, read from its schema or header only."""
    with _reading(path):
        if Path(path).suffix.lower() in PARQUET:
            return pq.read_schema(path).names
        with open(path, newline="", encoding="utf-8") as handle:
            return next(csv.reader(handle), [])


def results_axes(path: str | os.PathLike[str]) -> list[str]:
    """The axes of a results file: as a Parquet file names them, else found by
    elimination (:func:`engine.design_space.chunks.axis_names`)."""
    if Path(path).suffix.lower() in PARQUET:
        with _reading(path):
            metadata = pq.read_schema(path).metadata or {}
        if AXES_KEY in metadata:
            return json.loads(metadata[AXES_KEY])
    return axis_names(column_names(path))


@contextlib.contextmanager
def _reading(path: str | os.PathLike[str]) -> Iterator[None]:
    """A file that is missing or not results is the user's mistake: one line."""
    try:
        yield
    except FileNotFoundError:
        raise ValueError(f"{path}: cannot read results: no such file") from None
    except (OSError, pa.ArrowInvalid, KeyError) as exc:
        raise ValueError(f"{path}: cannot read results: {exc}") from None


def _numpy(column: pa.ChunkedArray) -> np.ndarray:
    if pa.types.is_integer(column.type) or pa.types.is_floating(column.type):
        return column.to_numpy(zero_copy_only=False).astype(float)
    return np.asarray(column.to_pylist(), dtype=object)


def _csv_cell(value: Any) -> Any:
    return "" if value is None else value


def summary_of(path: str) -> tuple[Summary, dict[str, np.ndarray], list[str]]:
    """The summary of a results file (:func:`engine.design_space.front.summarise`), the
    columns it read (no more than the summary needs) and the file's axes."""
    axes = results_axes(path)
    names = column_names(path)
    missing = [k for k in (TIME, COST) if k not in names]
    if missing:
        raise ValueError(f"{path}: no {' or '.join(missing)} column: the sweep did not "
                         "record it")
    table = read_results(path, [n for n in (POINT, *axes, TIME, COST, CURRENCY) if n in names])
    return summarise(table, axes), table, axes
