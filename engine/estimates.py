"""The estimates the engine makes: its built-in sections, in the order they run.

Each package declares its own :class:`~engine.sections.Section`; this list
is where one is registered. A new estimate (serving, say) is its package
and one entry here, after the sections it needs.
"""

from engine.cost import COST
from engine.inventory import INVENTORY
from engine.network import NETWORK
from engine.plan import PLAN
from engine.reliability import RELIABILITY
from engine.sections import Registry
from engine.seller import SELLER
from engine.serving.section import SERVING
from engine.training import TRAINING

#: The sections every evaluation runs; a test may register more for a while.
REGISTRY = Registry((INVENTORY, NETWORK, TRAINING, COST, RELIABILITY, SELLER, PLAN, SERVING))
