"""The pandas + matplotlib peer of cbm's reports (bench/run, issue 13).

What an analyst would write by hand for the same three charts from the
same CSV files: each contribution converted to USD at the latest rate on
or before its day (pandas.merge_asof), rounded to cents, then

  1. the collection rate of voluntary contributions per budget year,
  2. one year's contributions by state (2024), largest first,
  3. one year's cumulative collection by day (2025) against the budget,

one chart a page into one PDF.  Whole process timed by bench/run, as cbm.

    python3 bench/peer.py EXAMPLES_DIR OUT.pdf
"""
import sys

import matplotlib

matplotlib.use("pdf")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.backends.backend_pdf import PdfPages  # noqa: E402


def usd(frame, amount, day, fx):
    """Column AMOUNT of FRAME converted at the rate of column DAY, rounded
    to cents."""
    frame = frame.assign(_d=pd.to_datetime(frame[day])).sort_values("_d")
    rates = fx.sort_values("date")
    out = pd.merge_asof(frame, rates, left_on="_d", right_on="date",
                        by="currency")
    out.loc[out.currency == "USD", "usd_per_unit"] = 1.0
    out["usd"] = (out[amount] * out.usd_per_unit).round(2)
    return out


def main(examples, pdf):
    fx = pd.read_csv(f"{examples}/fx.csv", parse_dates=["date"])
    paid = pd.read_csv(f"{examples}/contributions.csv")
    paid = usd(paid[paid.kind == "voluntary"], "amount", "received_on", fx)
    budget = pd.read_csv(f"{examples}/budget.csv")
    budget = budget[budget.status == "approved"]
    budget = usd(budget.assign(day=budget.year.astype(str) + "-01-01"),
                 "approved", "day", fx)
    approved = budget.groupby("year").usd.sum()
    received = paid.groupby("budget_year").usd.sum()
    rate = (received.reindex(approved.index).fillna(0) / approved) * 100

    with PdfPages(pdf) as out:
        fig, ax = plt.subplots(figsize=(8.3, 5))
        ax.bar(rate.index, rate.values, color="#0072B2")
        ax.set_title("Collection rate of voluntary contributions")
        ax.set_ylabel("%")
        out.savefig(fig)
        plt.close(fig)

        year = paid[paid.budget_year == 2024]
        by_state = year.groupby("state").usd.sum().sort_values()
        fig, ax = plt.subplots(figsize=(8.3, 6))
        ax.barh(by_state.index, by_state.values, color="#E69F00")
        ax.set_title("Contributions received for 2024 by state, USD")
        out.savefig(fig)
        plt.close(fig)

        year = paid[paid.budget_year == 2025].copy()
        year["day"] = year._d.dt.dayofyear.where(year._d.dt.year == 2025, 1)
        daily = year.groupby("day").usd.sum().reindex(range(1, 366),
                                                      fill_value=0)
        curve = daily.cumsum() / approved.get(2025, float("nan")) * 100
        fig, ax = plt.subplots(figsize=(8.3, 5))
        ax.plot(curve.index, curve.values, color="#009E73")
        ax.plot([1, 365], [0, 100], color="grey", linestyle="--")
        ax.set_title("Cumulative collection of 2025, % of the budget")
        ax.set_xlabel("day of the year")
        out.savefig(fig)
        plt.close(fig)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
