"""The seller's assumptions, each a named setting with its default and source.

Settings left ``None`` take the buyer's (``cost.*``): list price, discount,
electricity and PUE, so one design shows both sides of the same rental.
"""

from __future__ import annotations

from dataclasses import dataclass

from engine.settings import setting


@dataclass(frozen=True)
class SellerSettings:
    """A rental business's prices and costs (docs/engine.md, Seller). Money in USD."""

    list_usd_per_gpu_hour: float | None = setting(
        None, "List price", unit="USD per accelerator-hour", minimum=0.0,
        doc="default: the list price the buyer rents at (cost.rent_usd_per_hour, else the "
            "catalog's cloud price of cost.rent_kind)")
    discount: float | None = setting(
        None, "Discount", unit="fraction of list paid", minimum=0.01, maximum=1.0,
        doc="default: cost.discount, the buyer's",
        source="Jiemian News 2024-01-12: regular customers pay 50-60% of list; a 2023 bid "
               "closed at 20%, and vendors say below 30% loses money")
    utilisation: float = setting(
        0.3, "Hours sold", unit="fraction of hours", minimum=0.01, maximum=1.0,
        doc="share of the fleet's accelerator-hours rented out",
        source="Science and Technology Daily 2025-07-17 (Inspur AI Research): intelligent-"
               "computing centres about 30% used on average (china_market.yaml "
               "STDAILY_UTIL_2025_07, medium); NDRC 2021-12-08: western data centres 30%")
    depreciation_years: float = setting(
        5.0, "Depreciation", unit="years", minimum=0.1, maximum=30.0,
        doc="straight-line life of the capex",
        source="server useful life in 10-K filings: Amazon and Meta 5 years (2022); Tianfeng "
               "Securities' 8 x H100 rental model: 5-year lease, straight-line (TIANFENG_RENT)")
    electricity_usd_per_kwh: float | None = setting(
        None, "Electricity price", unit="USD per kWh", minimum=0.0,
        doc="default: cost.electricity_usd_per_kwh; a western Chinese data centre pays about "
            "0.4 CNY (0.056 USD) after subsidies",
        source="FT 2025-11-04 via GreenergyDaily (china_market.yaml FT_POWER_2025_11, medium)")
    pue: float | None = setting(
        None, "PUE", unit="facility power / IT power", minimum=1.0, maximum=5.0,
        doc="default: cost.pue; China's rule for new large data centres is at most 1.3, "
            "1.25 at national hub nodes",
        source="NDRC 2021-12-08 (china_market.yaml NDRC_2021_12, high)")
    operations_usd_per_gpu_year: float = setting(
        3875.0, "Staff and upkeep", unit="USD per accelerator-year", minimum=0.0,
        doc="staff, maintenance and the building's upkeep: everything but energy and "
            "depreciation",
        source="derived, low confidence: a western 1,000-card centre's opex of over 30M CNY "
               "a year (Science and Technology Daily 2025-07-17, STDAILY_UTIL_2025_07) less "
               "the energy of 1,000 400 W cards with hosts at full use (0.4 CNY/kWh, PUE 1.3, "
               "about 2.5M CNY), / 1,000 cards / 7.1 CNY per USD")
    space_usd_per_kw_month: float = setting(
        0.0, "Rented space", unit="USD per kW of IT power per month", minimum=0.0,
        doc="rack space rented from a colocation centre, priced by power; 0 for a centre "
            "that owns its building (its upkeep is in Staff and upkeep)",
        source="no rack rent in the reference sheets (china_market.yaml not_found)")
