"""The seller's side of a rental: what a cloud vendor or an intelligent-computing centre
earns renting the design out (docs/engine.md, Seller)."""

from engine.seller.section import SELLER, SellerReport, seller_section
from engine.seller.settings import SellerSettings

__all__ = ["SELLER", "SellerReport", "SellerSettings", "seller_section"]
