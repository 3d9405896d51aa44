"""Trade figures (trade.csv): validation, series assembly, the command line and the exports.

Expectations come from the researched rows (data/trade.csv and their sources): e.g. China
customs recorded 511,619 t of coal in September 2017 (Reuters, 2017-10-24), zero in October
and November 2017, and no row at all for July or December 2017 (no source found).
"""

from __future__ import annotations

import csv
import io
import subprocess
import sys

import pandas as pd
import pytest

from geo.io.trade_export import trade_csv_bytes, trade_xlsx_bytes
from geo.package import DataError
from geo.render.trade_chart import trade_charts, trade_display, with_x_domain
from geo.rules.filters import Filters
from geo.rules.load import load_dataset
from geo.rules.trade import series, trade_table
from tests.conftest import ROOT, assert_one_line_error, read_rows, write_rows

# --------------------------------------------------------------------------- the data


def test_the_package_has_the_researched_rows(ds):
    assert len(ds.trade) == 156
    counts = ds.trade["mineral_id"].value_counts().to_dict()
    assert counts == {"coal": 75, "iron_ore": 37, "tungsten": 12, "lead": 7, "rare_earths": 7, "copper": 6,
                      "molybdenum": 5, "zinc": 4, "gold": 1, "titanium": 1, "vanadium": 1}
    assert set(ds.trade["flow"]) == {"import"} and set(ds.trade["partner"]) == {"KP"}  # mirror data
    assert set(ds.trade["source_id"]) <= set(ds.sources["source_id"])
    ranges = ds.trade[ds.trade["period_precision"] == "range"]
    assert ranges["period_end"].str.fullmatch(r"\d{4}-\d{2}").all()
    assert not ds.trade["note"].str.contains("end=").any()  # moved into period_end


def _set(row_id, **values):
    def mutate(d):
        rows = read_rows(d / "trade.csv")
        row = next(r for r in rows if r["trade_id"] == row_id)
        row.update(values)
        write_rows(d / "trade.csv", rows)
    return mutate


def _duplicate(row_id):
    def mutate(d):
        rows = read_rows(d / "trade.csv")
        rows.append(dict(next(r for r in rows if r["trade_id"] == row_id)))
        write_rows(d / "trade.csv", rows)
    return mutate


SEPT = "cn-imp-coal-2017-09-reuters"
RANGE = "cn-imp-coal-2017-h1-gt"
YEAR = "cn-imp-coal-2016-nikkei"

BROKEN = [
    ("duplicate key", _duplicate(SEPT), "field 'trade_id': duplicate value 'cn-imp-coal-2017-09-reuters'"),
    ("unknown mineral", _set(SEPT, mineral_id="kryptonite"), "field 'mineral_id': 'kryptonite' is not a mineral_id in minerals.csv"),
    ("unknown source", _set(SEPT, source_id="nowhere-news"), "field 'source_id': 'nowhere-news' is not a source_id in sources.csv"),
    ("bad period", _set(SEPT, period="2017-13"), "field 'period': '2017-13' does not match the pattern"),
    ("period in another format", _set(SEPT, period="Sep 2017"), "field 'period': 'Sep 2017' does not match"),
    ("year written as a month", _set(YEAR, period="2016-01"), "field 'period': '2016-01' does not match ^[0-9]{4}$ where period_precision is 'year'"),
    ("month written as a year", _set(SEPT, period="2017"), "field 'period': '2017' does not match"),
    ("range without its end", _set(RANGE, period_end=""), "field 'period_end': is empty where period_precision is 'range'"),
    ("end on a month row", _set(SEPT, period_end="2017-10"), "field 'period_end': '2017-10' must be empty where period_precision is 'month'"),
    ("end before start", _set(RANGE, period_end="2016-06"), "field 'period_end': 2016-06 is before period 2017-01"),
    ("bad precision", _set(SEPT, period_precision="quarter"), "field 'period_precision': 'quarter' is not one of: month, year, range"),
    ("bad unit", _set(SEPT, unit="barrels"), "field 'unit': 'barrels' is not one of"),
    ("bad qualifier", _set(SEPT, amount_qualifier="roughly"), "field 'amount_qualifier': 'roughly' is not one of: exact, approximate, at_least, at_most"),
    ("bad reporter", _set(SEPT, reporter="KP"), "field 'reporter': 'KP' is not one of: CN, CN-port, UN-1718, KOTRA, OEC"),
    ("negative quantity", _set(SEPT, quantity_t="-5"), "field 'quantity_t': '-5' is below the minimum 0"),
    ("not a number", _set(SEPT, value_usd="44 million"), "field 'value_usd': '44 million' is not a number"),
]


@pytest.mark.parametrize("case, mutate, expected", BROKEN, ids=[c[0] for c in BROKEN])
def test_broken_trade_rows_are_reported(data_copy, case, mutate, expected):
    mutate(data_copy)
    with pytest.raises(DataError) as info:
        load_dataset(data_copy)
    report = info.value.report()
    assert "trade.csv" in report
    assert expected in report, report


# --------------------------------------------------------------------------- series


def test_coal_2017_gives_the_researched_monthly_figures(ds):
    pts = series(ds, "coal", "quantity", "CN", "2017-01-01", "2017-12-31")
    months = pts[pts["period_precision"] == "month"]
    got = {(r.period, r.value) for r in months.itertuples()}
    assert ("2017-02", 1_230_000) in got
    assert ("2017-03", 0) in got  # China customs: zero (the UN 1718 figure is another reporter)
    assert ("2017-08", 1_636_591) in got and ("2017-09", 511_619) in got
    assert ("2017-10", 0) in got and ("2017-11", 0) in got
    sept = months[months["period"] == "2017-09"].iloc[0]
    assert sept["source_publisher"] == "Reuters" and sept["source_url"].startswith("https://uk.reuters.com/")
    assert sept["start"] == pd.Timestamp("2017-09-01") and sept["end"] == pd.Timestamp("2017-09-30")


def test_months_no_source_reports_are_absent_not_filled(ds):
    pts = series(ds, "coal", "quantity", "CN", "2017-01-01", "2017-12-31")
    months = set(pts.loc[pts["period_precision"] == "month", "period"])
    assert "2017-07" not in months and "2017-12" not in months and "2017-01" not in months
    assert len(pts) == len(set(pts["trade_id"]))  # one point per researched row, nothing added


def test_ranges_and_years_stay_spans(ds):
    pts = series(ds, "coal", "quantity", "CN", "2017-01-01", "2017-12-31")
    h1 = pts[pts["trade_id"] == "cn-imp-coal-2017-h1-gt"].iloc[0]
    assert (h1["start"], h1["end"]) == (pd.Timestamp("2017-01-01"), pd.Timestamp("2017-06-30"))
    assert h1["value"] == 2_680_000 and h1["period_label"] == "Jan–Jun 2017"
    year = series(ds, "coal", "value", "CN", "2017-01-01", "2017-12-31")
    kores = year[year["trade_id"] == "cn-imp-coal-2017-kores"].iloc[0]
    assert (kores["start"], kores["end"], kores["value"]) == (pd.Timestamp("2017-01-01"), pd.Timestamp("2017-12-31"),
                                                              402_818_000)


def test_conflicts_are_flagged_and_name_each_other(ds):
    pts = series(ds, "coal", "value", "CN", "2016-01-01", "2016-12-31")
    cg = pts[pts["conflict_group"] == "cg-coal-2016-value"]
    assert set(cg["trade_id"]) == {"cn-imp-coal-2016-nikkei", "cn-imp-coal-2016-reuters", "cn-imp-coal-2016-kores"}
    assert cg["conflict"].all()
    reuters = cg[cg["trade_id"] == "cn-imp-coal-2016-reuters"].iloc[0]
    assert reuters["amount_qualifier"] == "at_most" and reuters["value"] == 2_000_000_000
    assert "cn-imp-coal-2016-nikkei" in reuters["conflicts_with"] and "$1,186,835,000" in reuters["conflicts_with"]
    feb = series(ds, "coal", "value", "CN", "2017-02-01", "2017-02-28")
    afp = feb[feb["trade_id"] == "cn-imp-coal-2017-02-afp"].iloc[0]
    assert afp["conflict"] and "un-imp-coal-2017-02-jmh (UN-1718: 1,230,000 t, $104,590,000)" in afp["conflicts_with"]
    assert not pts[pts["conflict_group"] == ""]["conflict"].any()


def test_port_subtotals_are_never_mixed_with_china(ds):
    cn = series(ds, "coal", "quantity", "CN")
    port = series(ds, "coal", "quantity", "CN-port")
    assert set(cn["reporter"]) == {"CN"} and set(port["reporter"]) == {"CN-port"}
    assert set(port["trade_id"]) == {"cn-imp-coal-2015-longkou-janaug-rfa", "cn-imp-coal-2015-08-longkou-rfa"}
    assert not set(port["trade_id"]) & set(cn["trade_id"])
    with pytest.raises(ValueError, match="one reporter"):
        series(ds, "coal", "quantity", None)


@pytest.mark.parametrize("kwargs, message", [
    ({"minerals": "kryptonite"}, "unknown mineral 'kryptonite'"),
    ({"minerals": "coal", "since": "2017-02-30"}, "since: '2017-02-30' is not a date"),
    ({"minerals": "coal", "until": "next year"}, "until: 'next year' is not a date"),
    ({"minerals": "coal", "since": "2018-01-01", "until": "2017-01-01"}, "since is after until"),
    ({"minerals": "coal", "measure": "weight"}, "unknown measure 'weight'"),
    ({"minerals": "coal", "reporter": "KP"}, "unknown reporter 'KP'"),
])
def test_bad_input_is_a_clear_value_error(ds, kwargs, message):
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        series(ds, **kwargs)


def test_a_package_without_trade_still_loads(data_copy):
    import json

    desc = json.loads((data_copy / "datapackage.json").read_text(encoding="utf-8"))
    desc["resources"] = [r for r in desc["resources"] if r["name"] != "trade"]
    (data_copy / "datapackage.json").write_text(json.dumps(desc), encoding="utf-8")
    (data_copy / "trade.csv").unlink()
    ds = load_dataset(data_copy)
    assert ds.trade.empty and trade_table(ds).empty


# --------------------------------------------------------------------------- command line


def _geo(*args):
    return subprocess.run([sys.executable, "-m", "geo", *args], cwd=ROOT, capture_output=True, text=True)


def test_cli_prints_the_series_with_sources():
    out = _geo("trade", "--mineral", "coal", "--since", "2017-01-01", "--until", "2017-12-31")
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0].startswith("Coal from North Korea, quantity in tonnes, reporter CN")
    assert "China's recorded imports" in lines[0]
    sept = next(line for line in lines if line.strip().startswith("2017-09 "))
    assert "511,619 t" in sept and "source: Reuters https://uk.reuters.com/" in sept
    march = next(line for line in lines if line.strip().startswith("2017-03 "))
    assert "CONFLICT cg-coal-2017-03" in march and "un-imp-coal-2017-03-jmh" in march
    assert not any(line.strip().startswith("2017-07 ") for line in lines)  # no source: no line


def test_cli_value_and_reporter():
    out = _geo("trade", "--mineral", "coal", "--measure", "value", "--reporter", "UN-1718")
    assert out.returncode == 0, out.stderr
    assert "reporter UN-1718" in out.stdout and "$104,590,000" in out.stdout and "about $580,000" in out.stdout


@pytest.mark.parametrize("args, message", [
    (["--mineral", "unobtainium"], "unknown mineral 'unobtainium'"),
    (["--mineral", "coal", "--since", "2017-02-30"], "not a date"),
    (["--mineral", "coal", "--until", "soon"], "not a date"),
    (["--mineral", "coal", "--reporter", "XX"], "unknown reporter 'XX'"),
    (["--mineral", "coal", "--since", "2018-01-01", "--until", "2017-01-01"], "since is after until"),
])
def test_cli_bad_input_is_one_line_and_exit_1(args, message):
    assert_one_line_error(_geo("trade", *args), message)


# --------------------------------------------------------------------------- exports


def _hostile_table(ds):
    table = trade_table(ds, "coal", "2017-09-01", "2017-09-30")
    table.loc[table.index[0], "note"] = "=HYPERLINK(\"http://evil\",\"x\")"
    table.loc[table.index[0], "source_title"] = "+cmd|' /C calc'!A0"
    return table


def test_trade_csv_neutralises_formulas(ds):
    rows = list(csv.DictReader(io.StringIO(trade_csv_bytes(_hostile_table(ds)).decode("utf-8"))))
    assert {r["trade_id"] for r in rows} == {"cn-imp-coal-2017-09-reuters", "cn-imp-coal-2017-09-cgtn-value",
                                             "cn-imp-coal-2017-kores"}  # the 2017 total overlaps September
    first = rows[0]
    assert first["note"].startswith("'=HYPERLINK") and first["source_title"].startswith("'+cmd")
    sept = next(r for r in rows if r["trade_id"] == "cn-imp-coal-2017-09-reuters")
    assert sept["quantity_t"] in ("511619", "511619.0") and sept["start"] == "2017-09-01"
    assert sept["source_url"].startswith("https://uk.reuters.com/")


def test_trade_xlsx_has_rows_sources_and_filter(ds):
    from openpyxl import load_workbook

    filters = Filters(minerals=["coal"], since="2017-09-01", until="2017-09-30")
    data = trade_xlsx_bytes(ds, filters, _hostile_table(ds), "quantity")
    wb = load_workbook(io.BytesIO(data))
    assert wb.sheetnames == ["trade", "sources", "about"]
    trade = list(wb["trade"].values)
    header, body = trade[0], trade[1:]
    assert len(body) == 3 and header[0] == "trade_id"
    rec = dict(zip(header, body[0], strict=True))
    assert rec["note"].startswith("'=HYPERLINK")  # text, not a formula
    assert all(cell.data_type != "f" for row in wb["trade"].iter_rows() for cell in row)
    sources = {r[0] for r in list(wb["sources"].values)[1:]}
    assert sources == {"reuters-2017-10-24-sept-coal", "cgtn-2017-10-lead-coal", "koenergy-2018-02-11-kores"}
    about = {r[0]: r[1] for r in wb["about"].values}
    assert about["version"] == ds.version and about["rows"] == 3
    assert "coal" in about["filter"] and "mineral=coal" in about["filter_query"]
    assert "Mirror data" in about["notes"]


# --------------------------------------------------------------------------- chart and table


def test_chart_data_for_coal_2016_2017(ds):
    rows = Filters(minerals=["coal"], since="2016-01-01", until="2017-12-31").apply(ds.view)
    domain = ["2016-01-01", "2017-12-31"]
    charts, empty = trade_charts(ds, rows, ["coal"], "quantity", "2016-01-01", "2017-12-31", domain=domain)
    assert empty == [] and [m for m, _ in charts] == ["coal"]
    spec = charts[0][1]
    figures = spec["datasets"]["trade_coal"]
    assert {f["trade_id"] for f in figures} == set(series(ds, "coal", "quantity", "CN", *domain)["trade_id"])
    sept = next(f for f in figures if f["trade_id"] == "cn-imp-coal-2017-09-reuters")
    assert (sept["start"], sept["until"], sept["value"], sept["figure"]) == ("2017-09-01", "2017-10-01", 511619.0,
                                                                             "511,619 t")
    shading = spec["datasets"]["sanctions_coal"]
    assert {"start": "2017-02-19", "until": "2017-08-05", "status": "suspended by an importer",
            "measures": "CN-COAL-2017, UNSCR-2321"} in shading
    events = {e["event_id"] for e in spec["datasets"]["events_coal"]}
    assert "china-coal-suspension-2017" in events and "unscr-2321-coal-cap" in events
    xs = [layer["encoding"]["x"]["scale"]["domain"] for layer in spec["layer"]]
    assert all(d == domain for d in xs)  # the same time axis as the events chart
    events_spec = with_x_domain({"layer": [{"mark": {"type": "point"}, "encoding": {
        "x": {"field": "date", "type": "temporal"}, "y": {"field": "lane", "type": "nominal", "axis": {}}}}]}, domain)
    assert events_spec["layer"][0]["encoding"]["x"]["scale"]["domain"] == domain


def test_a_mineral_without_figures_is_named_not_drawn(ds):
    rows = Filters(minerals=["magnesia"]).apply(ds.view)
    charts, empty = trade_charts(ds, rows, ["magnesia"], "quantity")
    assert charts == [] and empty == ["magnesia"]


def test_display_table_keeps_the_hedge_and_the_source(ds):
    table = trade_table(ds, "coal", "2016-01-01", "2016-12-31")
    shown = trade_display(table[table["value_usd"].notna()], "value")
    reuters = shown[shown["Source"].str.startswith("Reuters: China imports no iron ore")].iloc[0]
    assert reuters["Value (US$)"] == 2_000_000_000 and reuters["Figure is"] == "at most"
    assert reuters["Conflict"] == "cg-coal-2016-value"


def test_many_events_are_marked_one_per_month_on_a_trade_chart(ds):
    """Above EVENT_MARKS_MAX events the chart marks months (with counts), not every event."""
    from geo.render.trade_chart import EVENT_MARKS_MAX, event_records

    row = ds.view[ds.view["mineral_id"] == "coal"].iloc[[0]]
    many = pd.concat([row] * (EVENT_MARKS_MAX + 100), ignore_index=True)
    many["event_id"] = [f"e{i}" for i in range(len(many))]
    many["date"] = pd.Timestamp("2017-01-01") + pd.to_timedelta(range(len(many)), unit="D")
    marks = event_records(ds, many, "coal")
    assert len(marks) == many["date"].dt.to_period("M").nunique() < len(many)
    assert sum(int(m["title"].split()[0]) for m in marks) == len(many)
    assert len(event_records(ds, many.head(10), "coal")) == 10  # few events: one mark each


def test_the_enriched_table_is_worked_out_once_and_callers_cannot_change_it(ds):
    from geo.rules import trade as trade_rules

    first = trade_rules.trade_table(ds, "coal")
    assert trade_rules._enriched(ds) is trade_rules._enriched(ds)  # once per loaded dataset
    first.loc[:, "quantity_t"] = -1.0  # a caller scribbling on its copy
    first.loc[:, "period_label"] = "x"
    again = trade_rules.trade_table(ds, "coal")
    assert (again["quantity_t"].dropna() >= 0).all() and "x" not in set(again["period_label"])
    assert len(again) == len(first)
