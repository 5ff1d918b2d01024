"""The plan's assumptions: when it starts, how servers arrive, how training ramps, how
it pays, and the price paths. Each a named setting with its default and source."""

from __future__ import annotations

from dataclasses import dataclass

from engine.settings import setting

RAMPS = ("wait", "partial")
STRATEGIES = ("buy", "rent", "rent-then-buy", "buy-then-sell")


@dataclass(frozen=True)
class PlanSettings:
    """A plan over months (docs/engine.md, Plan)."""

    start: str = setting(
        "2024-01", "Start", unit="YYYY-MM",
        doc="the month the order is placed and the prices of the path begin")
    horizon_months: int = setting(36, "Horizon", unit="months", minimum=1, maximum=240)
    strategy: str = setting(
        "buy", "Way of paying", choices=STRATEGIES,
        doc="buy; rent; rent-then-buy: rent until the bought servers have all arrived; "
            "buy-then-sell: buy, and rent the capacity out once training is done")
    servers_per_week: float | None = setting(
        None, "Deliveries", unit="servers per week", minimum=0.001,
        doc="default: every server on the first day",
        source="H3C delivered 12 of 330 H800 servers in 7 weeks, then none for 6 months "
               "(china_market.yaml LIANHUA_2024_05); a domestic line builds one 8-card "
               "server every 5 minutes at full output (HANTENG_LINE_2026)")
    delayed_fraction: float = setting(
        0.0, "Delayed share", unit="fraction of servers", minimum=0.0, maximum=1.0,
        doc="the last servers of the order, which arrive late by the delay",
        source="Lianhua's order: 318 of 330 H800 servers undelivered 8 months on "
               "(LIANHUA_2024_05); Baidu's 910B order: 40% delivered 2-4 months after the "
               "rest (REUTERS_BAIDU_910B)")
    delay_weeks: float = setting(
        0.0, "Delay", unit="weeks", minimum=0.0, maximum=520.0,
        source="H100 lead times of 11 months (late 2023) falling to 8-12 weeks (2024-04), "
               "DigiTimes (DIGITIMES_H100_2024_04)")
    ramp: str = setting(
        "wait", "Ramp", choices=RAMPS,
        doc="wait: training starts when every server has arrived; partial: it runs on the "
            "servers that have arrived, at their share of the speed")
    resale_fraction: float = setting(
        1.0, "Resale", unit="fraction of book value", minimum=0.0, maximum=2.0,
        doc="what owned hardware sells for at the horizon, as a fraction of its straight-"
            "line book value over cost.amortisation_years",
        source="no resale price in the reference sheets; 1 is book value (A800 cards sold "
               "above list in 2023, Jiemian News; H100 rents halved in 2024, cnBeta)")
    card_path: str = setting(
        "", "Card price path", unit="YYYY-MM:factor, ...",
        doc="the purchase price by month as a factor of the start's (a step path); empty: "
            "the catalog's dated prices")
    rent_path: str = setting(
        "", "Rent price path", unit="YYYY-MM:factor, ...",
        doc="the rent by month as a factor of the start's; empty: the catalog's dated rents")
