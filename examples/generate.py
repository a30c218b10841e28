#!/usr/bin/env python3
"""Regenerate the illustrative example data set of cbm.

Writes states.csv, areas.csv, coordinators.csv, fx.csv, budget.csv, plan.csv,
contributions.csv, pledges.csv, secondments.csv and scale.csv next to this
script (or into the directory given as the first argument).

Python 3 standard library only; deterministic (fixed random seed), so running
it twice gives byte-identical files.  The figures are made up for
illustration; the names of states and areas are real.

Usage:  python3 examples/generate.py [OUTDIR]
"""

import calendar
import csv
import datetime as dt
import math
import os
import random
import sys
from decimal import ROUND_HALF_UP, Decimal

SEED = 20251115
rng = random.Random(SEED)

TODAY = dt.date(2025, 11, 15)  # "now" of the example: nothing received later
FIRST_BUDGET_YEAR, LAST_BUDGET_YEAR = 2006, 2025
FX_FIRST, FX_LAST = dt.date(2005, 1, 1), dt.date(2025, 12, 1)
ZERO_DECIMALS = {"JPY", "KRW"}  # ISO 4217 minor units 0 (of the ones used)

# --------------------------------------------------------------------------
# States: code, English, Russian, Kazakh, status, joined, aliases
# --------------------------------------------------------------------------
STATES = [
    ("AFG", "Afghanistan", "Афганистан", "Ауғанстан", "member", 1999, []),
    ("AZE", "Azerbaijan", "Азербайджан", "Әзірбайжан", "member", 1999, []),
    ("BHR", "Bahrain", "Бахрейн", "Бахрейн", "member", 2011, ["Kingdom of Bahrain"]),
    ("BGD", "Bangladesh", "Бангладеш", "Бангладеш", "member", 2014, []),
    ("KHM", "Cambodia", "Камбоджа", "Камбоджа", "member", 2011, ["Kingdom of Cambodia"]),
    ("CHN", "China", "Китай", "Қытай", "member", 1999,
     ["PRC", "People's Republic of China"]),
    ("EGY", "Egypt", "Египет", "Мысыр", "member", 1999, ["Arab Republic of Egypt"]),
    ("IND", "India", "Индия", "Үндістан", "member", 1999, []),
    ("IRN", "Iran", "Иран", "Иран", "member", 1999, ["Islamic Republic of Iran"]),
    ("IRQ", "Iraq", "Ирак", "Ирак", "member", 2010, []),
    ("ISR", "Israel", "Израиль", "Израиль", "member", 1999, []),
    ("JOR", "Jordan", "Иордания", "Иордания", "member", 2008, []),
    ("KAZ", "Kazakhstan", "Казахстан", "Қазақстан", "member", 1999,
     ["Republic of Kazakhstan"]),
    ("KWT", "Kuwait", "Кувейт", "Кувейт", "member", 2022, ["State of Kuwait"]),
    ("KGZ", "Kyrgyzstan", "Кыргызстан", "Қырғызстан", "member", 1999,
     ["Kyrgyz Republic"]),
    ("MNG", "Mongolia", "Монголия", "Моңғолия", "member", 1999, []),
    ("PAK", "Pakistan", "Пакистан", "Пәкістан", "member", 1999, []),
    ("PSE", "Palestine", "Палестина", "Палестина", "member", 1999,
     ["State of Palestine"]),
    ("QAT", "Qatar", "Катар", "Катар", "member", 2014, []),
    ("KOR", "Republic of Korea", "Республика Корея", "Корея Республикасы",
     "member", 2006, ["RoK", "Korea, Republic of"]),
    ("RUS", "Russia", "Россия", "Ресей", "member", 1999, ["Russian Federation"]),
    ("LKA", "Sri Lanka", "Шри-Ланка", "Шри-Ланка", "member", 2018, []),
    ("TJK", "Tajikistan", "Таджикистан", "Тәжікстан", "member", 1999, []),
    ("THA", "Thailand", "Таиланд", "Тайланд", "member", 2006, []),
    ("TUR", "Türkiye", "Турция", "Түркия", "member", 1999, ["Turkey", "Turkiye"]),
    ("ARE", "United Arab Emirates", "Объединённые Арабские Эмираты",
     "Біріккен Араб Әмірліктері", "member", 2008, ["UAE"]),
    ("UZB", "Uzbekistan", "Узбекистан", "Өзбекстан", "member", 1999, []),
    ("VNM", "Viet Nam", "Вьетнам", "Вьетнам", "member", 2010, ["Vietnam"]),
    # observers
    ("BLR", "Belarus", "Беларусь", "Беларусь", "observer", 2012,
     ["Republic of Belarus"]),
    ("IDN", "Indonesia", "Индонезия", "Индонезия", "observer", 2002, []),
    ("JPN", "Japan", "Япония", "Жапония", "observer", 2002, []),
    ("LAO", "Lao PDR", "Лаосская НДР", "Лаос ХДР", "observer", 2016,
     ["Lao People's Democratic Republic", "Laos"]),
    ("MYS", "Malaysia", "Малайзия", "Малайзия", "observer", 2002, []),
    ("PHL", "Philippines", "Филиппины", "Филиппин", "observer", 2011, []),
    ("TKM", "Turkmenistan", "Туркменистан", "Түрікменстан", "observer", 2014, []),
    ("UKR", "Ukraine", "Украина", "Украина", "observer", 2002, []),
    ("USA", "United States", "США", "АҚШ", "observer", 2002,
     ["USA", "United States of America"]),
]
JOINED = {s[0]: s[5] for s in STATES}
MEMBERS = [s[0] for s in STATES if s[4] == "member"]

CAPITAL = {
    "AFG": "Kabul", "AZE": "Baku", "BHR": "Manama", "BGD": "Dhaka",
    "KHM": "Phnom Penh", "CHN": "Beijing", "EGY": "Cairo", "IND": "New Delhi",
    "IRN": "Tehran", "IRQ": "Baghdad", "ISR": "Tel Aviv", "JOR": "Amman",
    "KAZ": "Astana", "KWT": "Kuwait City", "KGZ": "Bishkek",
    "MNG": "Ulaanbaatar", "PAK": "Islamabad", "PSE": "Ramallah", "QAT": "Doha",
    "KOR": "Seoul", "RUS": "Moscow", "LKA": "Colombo", "TJK": "Dushanbe",
    "THA": "Bangkok", "TUR": "Ankara", "ARE": "Abu Dhabi", "UZB": "Tashkent",
    "VNM": "Hanoi",
}
OTHER_CITY = {"KAZ": "Almaty", "TUR": "Istanbul", "RUS": "Saint Petersburg",
              "CHN": "Shanghai", "UZB": "Samarkand", "IND": "Mumbai",
              "ARE": "Dubai", "KOR": "Busan"}

# --------------------------------------------------------------------------
# Dimensions and priority areas
# --------------------------------------------------------------------------
DIMENSIONS = ["military-political", "new-challenges", "economic",
              "environmental", "human"]
AREAS = [
    ("military-political", "MIL", "Military-political measures",
     "Военно-политические меры", "Әскери-саяси шаралар"),
    ("new-challenges", "TER", "Combating terrorism",
     "Борьба с терроризмом", "Терроризмге қарсы күрес"),
    ("new-challenges", "DRG", "Combating illicit drugs",
     "Борьба с незаконным оборотом наркотиков",
     "Есірткінің заңсыз айналымына қарсы күрес"),
    ("new-challenges", "ICT", "Security of and in the use of ICTs",
     "Безопасность ИКТ и в сфере их использования",
     "АКТ қауіпсіздігі және оларды пайдалану саласындағы қауіпсіздік"),
    ("economic", "TRD", "Trade and investment",
     "Торговля и инвестиции", "Сауда және инвестициялар"),
    ("economic", "SDV", "Sustainable development",
     "Устойчивое развитие", "Тұрақты даму"),
    ("economic", "ENR", "Energy security",
     "Энергетическая безопасность", "Энергетикалық қауіпсіздік"),
    ("economic", "TRN",
     "Development of secure and effective systems of transportation corridors",
     "Развитие безопасных и эффективных систем транспортных коридоров",
     "Қауіпсіз әрі тиімді көлік дәліздері жүйелерін дамыту"),
    ("economic", "TOU", "Tourism", "Туризм", "Туризм"),
    ("environmental", "ENV", "Environment protection",
     "Охрана окружающей среды", "Қоршаған ортаны қорғау"),
    ("environmental", "NDM", "Natural disaster management",
     "Управление стихийными бедствиями", "Табиғи апаттарды басқару"),
    ("environmental", "WAT", "Rational use of water resources",
     "Рациональное использование водных ресурсов",
     "Су ресурстарын ұтымды пайдалану"),
    ("human", "EPI", "Epidemiological safety, public health and pharmaceuticals",
     "Эпидемиологическая безопасность, здравоохранение и фармацевтика",
     "Эпидемиологиялық қауіпсіздік, денсаулық сақтау және фармацевтика"),
    ("human", "TMD", "Traditional medicine",
     "Традиционная медицина", "Дәстүрлі медицина"),
    ("human", "VOL", "Volunteerism", "Волонтёрство", "Еріктілік"),
    ("human", "EDU", "Education and people-to-people contacts",
     "Образование и контакты между людьми",
     "Білім беру және адамдар арасындағы байланыстар"),
]
AREA_CODES = [a[1] for a in AREAS]
AREA_DIM = {a[1]: a[0] for a in AREAS}

# area, state, role, from_year, to_year ("" = still in office)
COORDINATORS = [
    # MIL: no coordinator (the dimension is handled by the SOC as a whole)
    ("TER", "IRQ", "co-coordinator", 2022, ""),
    ("TER", "TUR", "co-coordinator", 2022, ""),
    ("DRG", "IRN", "coordinator", 2008, ""),
    ("DRG", "AFG", "co-coordinator", 2008, 2020),
    ("ICT", "RUS", "coordinator", 2016, ""),
    ("ICT", "CHN", "co-coordinator", 2016, ""),
    # TRD: no coordinator
    ("SDV", "ISR", "coordinator", 2024, ""),
    ("ENR", "AZE", "coordinator", 2010, ""),
    ("TRN", "KAZ", "coordinator", 2014, ""),
    ("TRN", "UZB", "co-coordinator", 2019, ""),
    ("TOU", "THA", "coordinator", 2014, ""),
    ("ENV", "MNG", "coordinator", 2010, ""),
    ("NDM", "IRN", "coordinator", 2010, ""),
    ("NDM", "RUS", "co-coordinator", 2010, 2018),
    ("WAT", "TJK", "coordinator", 2016, ""),
    ("EPI", "RUS", "coordinator", 2021, ""),
    ("EPI", "QAT", "co-coordinator", 2021, ""),
    ("TMD", "CHN", "coordinator", 2021, ""),
    ("VOL", "KAZ", "coordinator", 2023, ""),
    ("EDU", "KOR", "coordinator", 2014, ""),
    ("EDU", "KGZ", "co-coordinator", 2018, ""),
]

# --------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------


def money(value, currency):
    """Amount as text: two decimals, or none for zero-decimal currencies."""
    q = Decimal(1) if currency in ZERO_DECIMALS else Decimal("0.01")
    d = Decimal(str(value)).quantize(q, rounding=ROUND_HALF_UP)
    return str(d)


def round_to(x, step):
    return max(step, int(round(x / step)) * step)


def floor_to(x, step):
    return max(step, int(math.floor(x / step + 1e-9)) * step)


def rand_date(year, lo=(1, 1), hi=(12, 31), alpha=None, beta=None):
    a = dt.date(year, *lo)
    b = dt.date(year, *hi)
    span = (b - a).days
    if alpha:
        off = int(span * rng.betavariate(alpha, beta))
    else:
        off = rng.randint(0, span)
    return a + dt.timedelta(days=off)


def write_csv(outdir, name, header, rows):
    path = os.path.join(outdir, name)
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        for r in rows:
            w.writerow(["" if v is None else v for v in r])
    return len(rows)


# --------------------------------------------------------------------------
# FX: monthly, 1st of each month, usd_per_unit
# --------------------------------------------------------------------------
# units per USD on 1 January of each year (illustrative, roughly historical)
FX_ANCHORS = {
    "EUR": [0.763, 0.826, 0.769, 0.680, 0.758, 0.699, 0.746, 0.775, 0.752,
            0.735, 0.862, 0.917, 0.943, 0.820, 0.877, 0.901, 0.820, 0.885,
            0.935, 0.917, 0.971, 0.858],
    "CNY": [8.28, 8.07, 7.80, 7.25, 6.83, 6.83, 6.60, 6.30, 6.23, 6.05, 6.20,
            6.55, 6.90, 6.45, 6.80, 6.90, 6.47, 6.36, 6.85, 7.10, 7.30, 7.12],
    "KZT": [130.0, 134.0, 127.0, 120.0, 125.0, 148.0, 147.0, 148.0, 150.0,
            155.0, 182.0, 340.0, 333.0, 332.0, 384.0, 382.0, 421.0, 431.0,
            462.0, 455.0, 525.0, 515.0],
    "RUB": [27.8, 28.8, 26.5, 24.5, 32.0, 30.0, 30.5, 31.0, 30.5, 33.0, 60.0,
            75.0, 59.0, 57.0, 67.0, 62.0, 74.0, 75.0, 70.0, 90.0, 100.0, 80.0],
    "JPY": [104.0, 116.0, 120.0, 108.0, 90.0, 92.0, 82.0, 77.0, 89.0, 104.0,
            119.0, 118.0, 115.0, 111.0, 108.0, 109.0, 104.0, 115.0, 130.0,
            145.0, 157.0, 155.0],
    "KRW": [1040.0, 1000.0, 935.0, 940.0, 1380.0, 1140.0, 1120.0, 1150.0,
            1065.0, 1055.0, 1100.0, 1200.0, 1200.0, 1070.0, 1120.0, 1160.0,
            1090.0, 1190.0, 1240.0, 1300.0, 1450.0, 1420.0],
}
FX_NOISE = {"EUR": 0.008, "CNY": 0.003, "KZT": 0.008, "RUB": 0.012,
            "JPY": 0.007, "KRW": 0.007}
FX_CURRENCIES = ["EUR", "CNY", "KZT", "RUB", "JPY", "KRW"]


def months(first, last):
    y, m = first.year, first.month
    while (y, m) <= (last.year, last.month):
        yield dt.date(y, m, 1)
        m += 1
        if m == 13:
            y, m = y + 1, 1


def build_fx():
    """{currency: {date: usd_per_unit (float rounded as written)}}."""
    fx = {}
    for cur in FX_CURRENCIES:
        anchors = FX_ANCHORS[cur]
        noise = 0.0
        series = {}
        for d in months(FX_FIRST, FX_LAST):
            i = d.year - FX_FIRST.year
            t = (d.month - 1) / 12.0
            lo, hi = math.log(anchors[i]), math.log(anchors[i + 1])
            noise = 0.6 * noise + rng.gauss(0.0, FX_NOISE[cur])
            upu = math.exp(lo + (hi - lo) * t + noise)  # units per USD
            usd = 1.0 / upu
            # 7 significant digits, at least 6 decimals
            decimals = max(6, 6 - int(math.floor(math.log10(usd))))
            series[d] = float(f"{usd:.{decimals}f}")
            series[d, "text"] = f"{usd:.{decimals}f}"
        fx[cur] = series
    return fx


def usd_rate(fx, cur, day):
    if cur == "USD":
        return 1.0
    return fx[cur][dt.date(day.year, day.month, 1)]


def to_usd(fx, amount, cur, day):
    v = Decimal(str(amount)) * Decimal(str(usd_rate(fx, cur, day)))
    return float(v.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


# --------------------------------------------------------------------------
# Budget
# --------------------------------------------------------------------------
# Budget line titles in Russian and Kazakh.
LINE_TITLES = {
    "Staff costs": ("Расходы на персонал", "Қызметкерлерге арналған шығыстар"),
    "Travel": ("Командировки", "Іссапарлар"),
    "Events": ("Мероприятия", "Іс-шаралар"),
    "Premises": ("Помещения", "Үй-жайлар"),
    "Communications": ("Связь", "Байланыс"),
    "IT and equipment": ("ИТ и оборудование", "АТ және жабдықтар"),
}
DRAFT_YEAR = LAST_BUDGET_YEAR + 1  # the draft under discussion at the SWG
DRAFT_GROWTH = {"Staff costs": 1.045, "Travel": 1.02, "Events": 1.08,
                "Premises": 1.03, "Communications": 1.0,
                "IT and equipment": 1.15}

LINES_4 = [("Staff costs", 0.66), ("Travel", 0.16), ("Premises", 0.12),
           ("Communications", 0.06)]
LINES_5 = [("Staff costs", 0.59), ("Travel", 0.12), ("Events", 0.15),
           ("Premises", 0.09), ("Communications", 0.05)]
LINES_6 = [("Staff costs", 0.57), ("Travel", 0.11), ("Events", 0.15),
           ("Premises", 0.09), ("Communications", 0.04),
           ("IT and equipment", 0.04)]


def build_budget():
    rows = []
    totals = {}
    n = LAST_BUDGET_YEAR - FIRST_BUDGET_YEAR
    for y in range(FIRST_BUDGET_YEAR, LAST_BUDGET_YEAR + 1):
        k = y - FIRST_BUDGET_YEAR
        base = 800000.0 * (2600000.0 / 800000.0) ** (k / n)
        if y in (2020, 2021):
            base *= 0.96  # austerity during the pandemic
        total = base * rng.uniform(0.97, 1.03) if 0 < k < n else base
        lines = LINES_4 if y < 2009 else LINES_5 if y < 2016 else LINES_6
        year_total = 0.0
        for i, (title, share) in enumerate(lines, 1):
            approved = round_to(total * share * rng.uniform(0.95, 1.05), 100)
            year_total += approved
            spent = None
            if y < LAST_BUDGET_YEAR:
                ratio = rng.uniform(0.80, 0.98)
                if rng.random() < 0.08:
                    ratio = rng.uniform(1.005, 1.04)  # slight overspend
                if y == 2020 and title in ("Travel", "Events"):
                    ratio = rng.uniform(0.45, 0.60)  # pandemic year
                spent = money(approved * ratio + rng.randint(0, 99) / 100, "USD")
            rows.append((y, i, title, money(approved, "USD"), "USD", spent,
                         *LINE_TITLES[title], "approved"))
        totals[y] = year_total
    # The draft of next year, line by line from this year's (no random
    # numbers: the data of earlier years stay as they were).
    for y, i, title, approved, cur, _spent, ru, kk, _st in \
            [r for r in rows if r[0] == LAST_BUDGET_YEAR]:
        draft = round_to(float(approved) * DRAFT_GROWTH[title], 100)
        rows.append((DRAFT_YEAR, i, title, money(draft, "USD"), cur, None,
                     ru, kk, "draft"))
    return rows, totals


# --------------------------------------------------------------------------
# Contributions
# --------------------------------------------------------------------------
# intended collection rate (voluntary received for budget year / approved);
# 2025 is the year in progress, collected up to TODAY
TARGET_RATE = {
    2006: 0.62, 2007: 0.71, 2008: 0.78, 2009: 0.64, 2010: 0.74, 2011: 0.83,
    2012: 0.88, 2013: 0.91, 2014: 0.86, 2015: 0.79, 2016: 0.71, 2017: 0.81,
    2018: 0.89, 2019: 0.94, 2020: 0.67, 2021: 0.76, 2022: 0.85, 2023: 0.92,
    2024: 0.97, 2025: 0.61,
}
WEIGHT = {
    "CHN": 18, "RUS": 16, "KAZ": 16, "TUR": 7, "KOR": 5, "IND": 5, "ARE": 4,
    "QAT": 4, "KWT": 4, "IRN": 3, "AZE": 3, "THA": 3, "UZB": 2.5, "ISR": 2,
    "PAK": 2, "VNM": 2, "EGY": 1.5, "IRQ": 1.5, "BHR": 1.5, "MNG": 1,
    "KGZ": 1, "TJK": 1, "BGD": 1, "LKA": 1, "JOR": 1, "KHM": 0.8, "AFG": 0.6,
    "PSE": 0.5,
}
PAY_PROB = {"CHN": 0.97, "RUS": 0.95, "KAZ": 1.0, "TUR": 0.9, "KOR": 0.85,
            "IND": 0.8, "AFG": 0.45, "PSE": 0.4}
LOCAL_STEP = {"EUR": 500, "CNY": 1000, "KZT": 100000, "RUB": 10000,
              "KRW": 1000000, "JPY": 100000}
KRW_YEARS = {2012, 2017}


def pay_prob(s, y):
    if s == "AFG" and y >= 2021:
        return 0.0
    return PAY_PROB.get(s, 0.72)


def currency_for(s, y):
    r = rng.random()
    if s == "CHN":
        return "CNY" if r < 0.6 else "USD"
    if s == "KAZ":
        return "KZT" if r < 0.7 else "USD"
    if s == "RUS":
        return "RUB" if r < 0.4 else "USD"
    if s == "TUR":
        return "EUR" if r < 0.7 else "USD"
    if s == "AZE":
        return "EUR" if r < 0.3 else "USD"
    if s == "KOR" and y in KRW_YEARS:
        return "KRW"
    return "USD"


def payment_dates(s, y, tranches):
    """Dates and a timing label for one state's payment(s) for budget year y."""
    last = TODAY if y == LAST_BUDGET_YEAR else dt.date(y, 12, 31)
    r = rng.random()
    if tranches == 1 and r < 0.07 and JOINED[s] <= y - 1:
        return [rand_date(y - 1, (12, 1), (12, 28))], "early"
    if tranches == 1 and r < 0.17 and y < LAST_BUDGET_YEAR:
        return [rand_date(y + 1, (1, 10), (4, 30))], "late"
    hi = (last.month, last.day)
    a, b = (1.1, 1.3) if y == LAST_BUDGET_YEAR else (1.5, 2.2)
    ds = sorted(rand_date(y, (1, 10), hi, a, b) for _ in range(tranches))
    for i in range(1, len(ds)):  # tranches at least a month apart
        if (ds[i] - ds[i - 1]).days < 30:
            ds[i] = min(ds[i - 1] + dt.timedelta(days=30 + rng.randint(0, 40)),
                        last)
    return ds, "normal"


def local_amount(usd, cur, day, fx):
    raw = usd / usd_rate(fx, cur, day)
    if rng.random() < 0.7:
        return round_to(raw, LOCAL_STEP[cur])
    if cur in ZERO_DECIMALS:
        return int(round(raw))
    return round(raw - rng.uniform(0, 50), 2)  # bank charges deducted


ORDINAL = {1: "First", 2: "Second", 3: "Third"}
MISC_NOTES = [
    "Bank charges deducted",
    "Voluntary contribution; transfer #{n}",
    'Includes the "events" share',
    "Note verbale of the Ministry of Foreign Affairs, No. {n}",
    "Received via the Embassy in Astana",
]


def build_contributions(fx, approved):
    rows = []  # dicts
    for y in range(FIRST_BUDGET_YEAR, LAST_BUDGET_YEAR + 1):
        members = [s for s in MEMBERS if JOINED[s] <= y]
        payers = [s for s in members if rng.random() < pay_prob(s, y)]
        if y == 2024 and "KOR" not in payers:
            payers.append("KOR")
        target = (TARGET_RATE[y] + rng.uniform(-0.012, 0.012)) * approved[y]
        w = {s: WEIGHT[s] * math.exp(rng.gauss(0, 0.3)) for s in payers}
        wsum = sum(w.values())
        year_rows = []
        for s in payers:
            usd = target * w[s] / wsum
            usd = round_to(usd, 5000 if usd >= 100000 else 1000)
            if y == 2024 and s == "KOR":
                usd = 50000  # announced at the SOC in December 2023
            cur = currency_for(s, y)
            n = 1
            if not (y == 2024 and s == "KOR"):
                r = rng.random()
                n = 3 if r < 0.04 else 2 if r < 0.17 else 1
            dates, timing = payment_dates(s, y, n)
            if y == 2024 and s == "KOR":
                dates, timing = [dt.date(2024, 3, 14)], "normal"
            parts = [1.0] if n == 1 else [0.5, 0.5] if n == 2 else [0.4, 0.3, 0.3]
            for i, (d, p) in enumerate(zip(dates, parts)):
                part_usd = usd * p
                if cur == "USD":
                    amount = round_to(part_usd, 500 if part_usd < 20000 else 1000)
                    if rng.random() < 0.08 and not (y == 2024 and s == "KOR"):
                        amount = amount - rng.choice([15, 20, 25, 35.5, 42.75])
                else:
                    amount = local_amount(part_usd, cur, d, fx)
                note = ""
                if n > 1:
                    note = f"{ORDINAL[i + 1]} tranche of {n}"
                elif timing == "late":
                    note = f"Late payment for {y}"
                elif timing == "early":
                    note = f"Advance payment for {y}"
                elif y == 2024 and s == "KOR":
                    note = ("Announced at the SOC meeting in December 2023 "
                            "(USD 50000)")
                elif rng.random() < 0.18:
                    note = rng.choice(MISC_NOTES).format(n=rng.randint(100, 9999))
                year_rows.append(dict(state=s, received_on=d, amount=amount,
                                      currency=cur, budget_year=y,
                                      kind="voluntary", note=note,
                                      fixed=(y == 2024 and s == "KOR")))
        if y == LAST_BUDGET_YEAR:  # the latest payment arrived just before "now"
            single = [r for r in year_rows if r["currency"] == "USD"
                      and not r["note"] and not r["fixed"]]
            if single:
                max(single, key=lambda r: r["received_on"])["received_on"] = \
                    TODAY - dt.timedelta(days=1)
        # nudge the largest whole-dollar USD row so the year meets its target
        total = sum(to_usd(fx, r["amount"], r["currency"], r["received_on"])
                    for r in year_rows)
        cands = [r for r in year_rows if r["currency"] == "USD"
                 and not r["fixed"] and float(r["amount"]).is_integer()]
        if cands:
            big = max(cands, key=lambda r: r["amount"])
            new = round_to(big["amount"] + target - total, 1000)
            if new > 0.3 * big["amount"]:
                big["amount"] = new
        rows.extend(year_rows)

    # earmarked and in-kind contributions (not part of the collection rate)
    extra = [
        ("KAZ", dt.date(2008, 6, 30), 120000, "USD", 2008, "in-kind",
         "Office premises provided by the host country, valued"),
        ("KAZ", dt.date(2012, 6, 30), 150000, "USD", 2012, "in-kind",
         "Office premises provided by the host country, valued"),
        ("KAZ", dt.date(2016, 6, 30), 165000, "USD", 2016, "in-kind",
         "Office premises and utilities provided by the host country, valued"),
        ("KAZ", dt.date(2020, 6, 30), 180000, "USD", 2020, "in-kind",
         "Office premises and utilities provided by the host country, valued"),
        ("KAZ", dt.date(2024, 6, 28), 195000, "USD", 2024, "in-kind",
         "Office premises and utilities provided by the host country, valued"),
        ("CHN", dt.date(2023, 4, 11), 10000, "USD", 2023, "in-kind",
         "Interpretation equipment for the SOC meeting"),
        ("JPN", dt.date(2016, 9, 5), 5000000, "JPY", 2016, "earmarked",
         "Earmarked for the training course on natural disaster management"),
        ("JPN", dt.date(2023, 3, 20), 3500000, "JPY", 2023, "earmarked",
         "Earmarked for early warning systems, NDM"),
        ("RUS", dt.date(2021, 7, 19), 40000, "USD", 2021, "earmarked",
         "Earmarked for the ICT security expert meeting"),
        ("CHN", dt.date(2022, 5, 9), 200000, "CNY", 2022, "earmarked",
         'Earmarked for the "Traditional medicine" workshop'),
        ("KOR", dt.date(2019, 10, 2), 25000, "USD", 2019, "earmarked",
         "Earmarked for youth exchanges (EDU)"),
        ("QAT", dt.date(2023, 2, 27), 30000, "USD", 2023, "earmarked",
         "Earmarked for volunteerism projects"),
        ("TUR", dt.date(2024, 9, 16), 20000, "EUR", 2024, "earmarked",
         "Earmarked for the conference on connectivity (plan 2024, item 27)"),
    ]
    for s, d, a, c, y, k, note in extra:
        rows.append(dict(state=s, received_on=d, amount=a, currency=c,
                         budget_year=y, kind=k, note=note, fixed=True))

    rows.sort(key=lambda r: (r["budget_year"], r["received_on"], r["state"]))
    counter = {}
    for r in rows:
        key = (r["budget_year"], r["state"])
        r["reference"] = f"REF-{key[0]}-{key[1]}-{counter.get(key, 0)}"
        counter[key] = counter.get(key, 0) + 1
    return rows


# --------------------------------------------------------------------------
# Pledges
# --------------------------------------------------------------------------
SOC_DECEMBER = {2019: "2018-12-11", 2020: "2019-12-10", 2021: "2020-12-08",
                2022: "2021-12-14", 2023: "2022-12-13", 2024: "2023-12-12",
                2025: "2024-12-10"}


def build_pledges(fx, contrib):
    received = {}  # (year, state) -> (usd, currencies)
    for r in contrib:
        if r["kind"] != "voluntary":
            continue
        k = (r["budget_year"], r["state"])
        usd, curs = received.get(k, (0.0, set()))
        received[k] = (usd + to_usd(fx, r["amount"], r["currency"],
                                    r["received_on"]), curs | {r["currency"]})
    rows = []
    overpaid_done = False
    for y in range(2019, 2026):
        soc = dt.date.fromisoformat(SOC_DECEMBER[y])
        members = [s for s in MEMBERS if JOINED[s] <= y]
        payers = [s for s in members if (y, s) in received]
        nonpayers = [s for s in members if (y, s) not in received and s != "AFG"]
        pledgers = sorted(rng.sample(payers, k=min(len(payers), rng.randint(8, 11))))
        if y == 2024 and "KOR" not in pledgers:
            pledgers.append("KOR")
        nothing = rng.sample(nonpayers, k=min(len(nonpayers), 2 if y < 2025 else 4))
        for s in sorted(set(pledgers) | set(nothing)):
            usd, curs = received.get((y, s), (0.0, set()))
            cur = "EUR" if "EUR" in curs or (s == "TUR" and not curs) else "USD"
            pledged_on = soc
            r = rng.random()
            if rng.random() < 0.1:
                pledged_on = rand_date(y, (2, 1), (4, 30))
            note = ""
            if y == 2024 and s == "KOR":
                target, mode = 50000.0, "full"
                note = "The RoK announced its voluntary contribution of USD 50000"
            elif s in nothing:
                target, mode = round_to(WEIGHT[s] * 8000, 5000), "nothing"
            elif y == 2025:
                target, mode = usd * rng.uniform(1.0, 1.6), "part-or-full"
            elif not overpaid_done and s not in ("KOR",) and usd > 40000:
                target, mode = usd * 0.6, "over"
                overpaid_done = True
            elif r < 0.6:
                target, mode = usd, "full"
            elif r < 0.85:
                target, mode = usd * rng.uniform(1.25, 1.8), "part"
            else:
                target, mode = usd * rng.uniform(0.5, 0.8), "over"
            if mode == "over":
                note = "Paid more than pledged"
            rate = usd_rate(fx, cur, pledged_on)
            step = 500 if cur == "EUR" else 1000
            if target >= 100000:
                step *= 5
            amt = target / rate
            amt = floor_to(amt, step) if mode in ("full", "over") else round_to(amt, step)
            if rng.random() < 0.08 and mode != "full" and not (y == 2024 and s == "KOR"):
                pledged_on = None  # defaults to 1 January of the budget year
            rows.append((s, y, money(amt, cur), cur,
                         pledged_on.isoformat() if pledged_on else "", note))
    return rows


# --------------------------------------------------------------------------
# Secondments
# --------------------------------------------------------------------------
def build_secondments():
    plan = [  # state, from, to, grade, usual months, note
        ("KAZ", 2010, 2025, "P-5", 12, "Deputy Executive Director"),
        ("KAZ", 2010, 2025, "P-3", 12, "First Secretary"),
        ("RUS", 2010, 2025, "P-4", 12, "Counsellor"),
        ("CHN", 2012, 2025, "P-4", 12, "Counsellor"),
        ("TUR", 2013, 2025, "P-3", 12, ""),
        ("AZE", 2014, 2019, "P-3", 12, ""),
        ("KGZ", 2012, 2016, "P-3", 12, ""),
        ("TJK", 2011, 2015, "P-3", 12, ""),
        ("MNG", 2015, 2018, "P-3", 6, ""),
        ("IRN", 2016, 2025, "P-3", 12, ""),
        ("KOR", 2017, 2025, "P-4", 12, "Counsellor"),
        ("UZB", 2019, 2025, "P-3", 12, ""),
        ("THA", 2020, 2022, "P-3", 6, ""),
        ("QAT", 2023, 2025, "P-4", 12, ""),
        ("IND", 2018, 2021, "P-4", 12, ""),
    ]
    rows = []
    for y in range(2010, 2026):
        for s, a, b, grade, months_, note in plan:
            if not (a <= y <= b):
                continue
            pm = months_
            n = note
            if y == a and months_ == 12 and y > 2010 and rng.random() < 0.6:
                pm, n = 6, (note + "; " if note else "") + "arrived in July"
            elif y == b and y < 2025 and months_ == 12 and rng.random() < 0.5:
                pm, n = 6, (note + "; " if note else "") + "rotated out in June"
            elif rng.random() < 0.05:
                pm, n = 9, (note + "; " if note else "") + "post vacant for three months"
            if y == 2025:
                n = (n + "; " if n else "") + "planned for the full year"
            rows.append((s, y, pm, grade, n))
    rows.sort(key=lambda r: (r[1], r[0], r[3]))
    return rows


# --------------------------------------------------------------------------
# Scale
# --------------------------------------------------------------------------
SCALE_WEIGHT = {
    "CHN": 22, "IND": 12, "RUS": 10, "KOR": 8, "TUR": 6, "KAZ": 5, "ISR": 4,
    "ARE": 4, "IRN": 3, "QAT": 3, "THA": 3, "EGY": 2.5, "KWT": 2.5, "VNM": 2.5,
    "PAK": 2, "BGD": 2, "IRQ": 1.5, "UZB": 1, "AZE": 1, "BHR": 0.8,
    "JOR": 0.6, "LKA": 0.6, "KHM": 0.5, "MNG": 0.5, "KGZ": 0.5, "TJK": 0.5,
    "AFG": 0.5, "PSE": 0.5,
}


def build_scale():
    weight = {s: SCALE_WEIGHT[s] * rng.uniform(0.93, 1.07) for s in MEMBERS}
    total = sum(weight.values())
    cents = {s: weight[s] / total * 10000 for s in MEMBERS}
    base = {s: int(math.floor(v)) for s, v in cents.items()}
    short = 10000 - sum(base.values())
    for s in sorted(MEMBERS, key=lambda s: cents[s] - base[s], reverse=True)[:short]:
        base[s] += 1
    assert sum(base.values()) == 10000
    order = sorted(MEMBERS, key=lambda s: (-base[s], s))
    return [("draft-2026", s, f"{base[s] // 100}.{base[s] % 100:02d}") for s in order]


# --------------------------------------------------------------------------
# Plan of implementation of CBMs
# --------------------------------------------------------------------------
EVENT_TYPES = ["Workshop", "Seminar", "Round table", "Expert meeting",
               "Training course", "Conference"]
# Russian and Kazakh: the kind of event, a colon, the topic.
EVENT_TYPES_RU_KK = {
    "Workshop": ("Семинар-практикум", "Семинар-практикум"),
    "Seminar": ("Семинар", "Семинар"),
    "Round table": ("Круглый стол", "Дөңгелек үстел"),
    "Expert meeting": ("Совещание экспертов", "Сарапшылар кеңесі"),
    "Training course": ("Учебный курс", "Оқу курсы"),
    "Conference": ("Конференция", "Конференция"),
}
TOPICS_RU_KK = {
    "military-political confidence-building measures":
        ("военно-политические меры доверия", "әскери-саяси сенім шаралары"),
    "exchange of information on military exercises":
        ("обмен информацией о военных учениях",
         "әскери жаттығулар туралы ақпарат алмасу"),
    "arms control and non-proliferation":
        ("контроль над вооружениями и нераспространение",
         "қаруды бақылау және таратпау"),
    "countering the financing of terrorism":
        ("противодействие финансированию терроризма",
         "терроризмді қаржыландыруға қарсы іс-қимыл"),
    "preventing violent extremism and radicalisation":
        ("предупреждение насильственного экстремизма и радикализации",
         "зорлық-зомбылық экстремизмі мен радикалданудың алдын алу"),
    "protection of critical infrastructure against terrorist attacks":
        ("защита критической инфраструктуры от террористических атак",
         "маңызды инфрақұрылымды террорлық шабуылдардан қорғау"),
    "combating illicit drug trafficking":
        ("борьба с незаконным оборотом наркотиков",
         "есірткінің заңсыз айналымына қарсы күрес"),
    "precursor control": ("контроль над прекурсорами", "прекурсорларды бақылау"),
    "drug demand reduction and rehabilitation":
        ("снижение спроса на наркотики и реабилитация",
         "есірткіге сұранысты азайту және оңалту"),
    "security of and in the use of ICTs":
        ("безопасность ИКТ и в сфере их использования",
         "АКТ қауіпсіздігі және оларды пайдалану саласындағы қауіпсіздік"),
    "confidence-building measures in cyberspace":
        ("меры доверия в киберпространстве", "киберкеңістіктегі сенім шаралары"),
    "protection of critical information infrastructure":
        ("защита критической информационной инфраструктуры",
         "маңызды ақпараттық инфрақұрылымды қорғау"),
    "trade facilitation": ("упрощение процедур торговли",
                           "сауда рәсімдерін жеңілдету"),
    "investment promotion, e-commerce and digital trade":
        ("содействие инвестициям, электронная и цифровая торговля",
         "инвестицияларға жәрдемдесу, электрондық және цифрлық сауда"),
    "small and medium-sized enterprises":
        ("малые и средние предприятия", "шағын және орта кәсіпорындар"),
    "the Sustainable Development Goals":
        ("Цели устойчивого развития", "Тұрақты даму мақсаттары"),
    "green economy": ("зелёная экономика", "жасыл экономика"),
    "poverty reduction and inclusive growth":
        ("сокращение бедности и инклюзивный рост",
         "кедейлікті азайту және инклюзивті өсу"),
    "energy security": ("энергетическая безопасность",
                        "энергетикалық қауіпсіздік"),
    "renewable energy sources": ("возобновляемые источники энергии",
                                 "жаңартылатын энергия көздері"),
    "energy efficiency": ("энергоэффективность", "энергия тиімділігі"),
    "secure and effective transport corridors":
        ("безопасные и эффективные транспортные коридоры",
         "қауіпсіз әрі тиімді көлік дәліздері"),
    "international road and rail transit":
        ("международный автомобильный и железнодорожный транзит",
         "халықаралық автомобиль және теміржол транзиті"),
    "logistics and connectivity in Asia":
        ("логистика и взаимосвязанность в Азии",
         "Азиядағы логистика және өзара байланыс"),
    "tourism": ("туризм", "туризм"),
    "cultural and heritage tourism": ("культурно-познавательный туризм",
                                      "мәдени-танымдық туризм"),
    "safe travel and tourism recovery":
        ("безопасные поездки и восстановление туризма",
         "қауіпсіз саяхат және туризмді қалпына келтіру"),
    "environment protection": ("охрана окружающей среды",
                               "қоршаған ортаны қорғау"),
    "climate change adaptation": ("адаптация к изменению климата",
                                  "климаттың өзгеруіне бейімделу"),
    "air quality, desertification and land degradation":
        ("качество воздуха, опустынивание и деградация земель",
         "ауа сапасы, шөлейттену және жердің тозуы"),
    "natural disaster management": ("управление стихийными бедствиями",
                                    "табиғи апаттарды басқару"),
    "early warning systems for earthquakes and floods":
        ("системы раннего оповещения о землетрясениях и наводнениях",
         "жер сілкінісі мен су тасқыны туралы ерте ескерту жүйелері"),
    "disaster risk reduction": ("снижение риска бедствий",
                                "апат қаупін азайту"),
    "rational use of water resources":
        ("рациональное использование водных ресурсов",
         "су ресурстарын ұтымды пайдалану"),
    "transboundary water cooperation":
        ("трансграничное водное сотрудничество",
         "трансшекаралық су ынтымақтастығы"),
    "water-saving technologies in agriculture":
        ("водосберегающие технологии в сельском хозяйстве",
         "ауыл шаруашылығындағы су үнемдейтін технологиялар"),
    "epidemiological safety, public health and pharmaceuticals":
        ("эпидемиологическая безопасность, здравоохранение и фармацевтика",
         "эпидемиологиялық қауіпсіздік, денсаулық сақтау және фармацевтика"),
    "pandemic preparedness": ("готовность к пандемиям",
                              "пандемияларға дайындық"),
    "vaccine research and production":
        ("исследование и производство вакцин",
         "вакциналарды зерттеу және өндіру"),
    "traditional medicine": ("традиционная медицина", "дәстүрлі медицина"),
    "integration of traditional medicine into health systems":
        ("интеграция традиционной медицины в системы здравоохранения",
         "дәстүрлі медицинаны денсаулық сақтау жүйелеріне енгізу"),
    "standards for herbal medicines":
        ("стандарты растительных лекарственных средств",
         "өсімдік текті дәрілік заттардың стандарттары"),
    "volunteerism": ("волонтёрство", "еріктілік"),
    "youth volunteer networks": ("молодёжные волонтёрские сети",
                                 "жастар еріктілер желілері"),
    "volunteering in emergencies": ("волонтёрство в чрезвычайных ситуациях",
                                    "төтенше жағдайлардағы еріктілік"),
    "education and people-to-people contacts":
        ("образование и контакты между людьми",
         "білім беру және адамдар арасындағы байланыстар"),
    "youth exchanges": ("молодёжные обмены", "жастар алмасуы"),
    "cooperation between universities, think tanks and media":
        ("сотрудничество университетов, аналитических центров и СМИ",
         "университеттер, талдау орталықтары және БАҚ ынтымақтастығы"),
}
TOPICS = {
    "MIL": ["military-political confidence-building measures",
            "exchange of information on military exercises",
            "arms control and non-proliferation"],
    "TER": ["countering the financing of terrorism",
            "preventing violent extremism and radicalisation",
            "protection of critical infrastructure against terrorist attacks"],
    "DRG": ["combating illicit drug trafficking", "precursor control",
            "drug demand reduction and rehabilitation"],
    "ICT": ["security of and in the use of ICTs",
            "confidence-building measures in cyberspace",
            "protection of critical information infrastructure"],
    "TRD": ["trade facilitation", "investment promotion, e-commerce and digital trade",
            "small and medium-sized enterprises"],
    "SDV": ["the Sustainable Development Goals", "green economy",
            "poverty reduction and inclusive growth"],
    "ENR": ["energy security", "renewable energy sources", "energy efficiency"],
    "TRN": ["secure and effective transport corridors",
            "international road and rail transit", "logistics and connectivity in Asia"],
    "TOU": ["tourism", "cultural and heritage tourism", "safe travel and tourism recovery"],
    "ENV": ["environment protection", "climate change adaptation",
            "air quality, desertification and land degradation"],
    "NDM": ["natural disaster management",
            "early warning systems for earthquakes and floods",
            "disaster risk reduction"],
    "WAT": ["rational use of water resources", "transboundary water cooperation",
            "water-saving technologies in agriculture"],
    "EPI": ["epidemiological safety, public health and pharmaceuticals",
            "pandemic preparedness", "vaccine research and production"],
    "TMD": ["traditional medicine",
            "integration of traditional medicine into health systems",
            "standards for herbal medicines"],
    "VOL": ["volunteerism", "youth volunteer networks", "volunteering in emergencies"],
    "EDU": ["education and people-to-people contacts", "youth exchanges",
            "cooperation between universities, think tanks and media"],
}
SPECIAL_TITLES_RU_KK = {
    'Round table "CICA: confidence, dialogue, cooperation"':
        ("Круглый стол «СВМДА: доверие, диалог, сотрудничество»",
         "«АӨСШК: сенім, диалог, ынтымақтастық» дөңгелек үстелі"),
    'Conference "Connectivity, trade and transit in Asia"':
        ("Конференция «Взаимосвязанность, торговля и транзит в Азии»",
         "«Азиядағы өзара байланыс, сауда және транзит» конференциясы"),
    'International forum "Volunteers of Asia"':
        ("Международный форум «Волонтёры Азии»",
         "«Азия еріктілері» халықаралық форумы"),
    'Seminar on "smart cities": digital, green and inclusive':
        ("Семинар «Умные города»: цифровые, зелёные и инклюзивные",
         "«Ақылды қалалар» семинары: цифрлық, жасыл және инклюзивті"),
    'Youth forum "Asia: one region, many voices"':
        ("Молодёжный форум «Азия: один регион, много голосов»",
         "«Азия: бір өңір, көп дауыс» жастар форумы"),
    'Conference on "Connectivity, trade and transit" in the CICA region':
        ("Конференция «Взаимосвязанность, торговля и транзит» в регионе СВМДА",
         "АӨСШК өңіріндегі «Өзара байланыс, сауда және транзит» конференциясы"),
}


def title_ru_kk(title):
    """The Russian and Kazakh titles of an English event title."""
    if title in SPECIAL_TITLES_RU_KK:
        return SPECIAL_TITLES_RU_KK[title]
    kind, topic = title.split(" on ", 1)
    kr, kk = EVENT_TYPES_RU_KK[kind]
    tr, tk = TOPICS_RU_KK[topic]
    return f"{kr}: {tr}", f"{kk}: {tk}"


SPECIAL_TITLES = {  # titles with commas and double quotes
    "MIL": 'Round table "CICA: confidence, dialogue, cooperation"',
    "TRN": 'Conference "Connectivity, trade and transit in Asia"',
    "VOL": 'International forum "Volunteers of Asia"',
    "SDV": 'Seminar on "smart cities": digital, green and inclusive',
    "EDU": 'Youth forum "Asia: one region, many voices"',
}
# area counts per year; 0 = no event in that area that year
AREA_EVENTS = {
    2022: {"MIL": 2, "TER": 3, "DRG": 2, "ICT": 2, "TRD": 1, "SDV": 2, "ENR": 1,
           "TRN": 2, "TOU": 0, "ENV": 2, "NDM": 3, "WAT": 1, "EPI": 3, "TMD": 0,
           "VOL": 0, "EDU": 2},
    2023: {"MIL": 2, "TER": 3, "DRG": 2, "ICT": 3, "TRD": 2, "SDV": 0, "ENR": 2,
           "TRN": 2, "TOU": 1, "ENV": 2, "NDM": 3, "WAT": 1, "EPI": 3, "TMD": 2,
           "VOL": 2, "EDU": 1},
    2024: {"MIL": 2, "TER": 3, "DRG": 2, "ICT": 2, "TRD": 2, "SDV": 2, "ENR": 1,
           "TRN": 1, "TOU": 1, "ENV": 2, "NDM": 2, "WAT": 0, "EPI": 2, "TMD": 1,
           "VOL": 2, "EDU": 1},  # + item 27 added at Türkiye's request
    2025: {"MIL": 2, "TER": 3, "DRG": 2, "ICT": 3, "TRD": 2, "SDV": 2, "ENR": 2,
           "TRN": 2, "TOU": 2, "ENV": 2, "NDM": 3, "WAT": 1, "EPI": 2, "TMD": 2,
           "VOL": 2, "EDU": 1, },
}
FORMAT_WEIGHTS = {2022: (0.35, 0.30, 0.35), 2023: (0.55, 0.20, 0.25),
                  2024: (0.65, 0.15, 0.20), 2025: (0.70, 0.12, 0.18)}
COORD_OF = {}
for _a, _s, _role, _f, _t in COORDINATORS:
    COORD_OF.setdefault(_a, []).append(_s)


def pick_organizers(area, year, k):
    pool = [s for s in MEMBERS if JOINED[s] <= year and s != "AFG"]
    chosen = []
    coords = [s for s in COORD_OF.get(area, []) if s in pool]
    if coords and rng.random() < 0.45:
        chosen.append(rng.choice(coords))
    while len(chosen) < k:
        s = rng.choice(pool)
        if s not in chosen:
            chosen.append(s)
    return chosen


def build_plan():
    rows = []
    postponed_2024 = []
    for y in (2022, 2023, 2024, 2025):
        items = []
        used_special = set()
        for area in AREA_CODES:
            for _ in range(AREA_EVENTS[y][area]):
                k = 2 if rng.random() < 0.18 else 1
                orgs = pick_organizers(area, y, k)
                co = []
                if rng.random() < 0.15:
                    cands = [s for s in MEMBERS if JOINED[s] <= y
                             and s not in orgs and s != "AFG"]
                    co = rng.sample(cands, 1 if rng.random() < 0.7 else 2)
                if area in SPECIAL_TITLES and area not in used_special and rng.random() < 0.5:
                    title = SPECIAL_TITLES[area]
                    used_special.add(area)
                else:
                    title = f"{rng.choice(EVENT_TYPES)} on {rng.choice(TOPICS[area])}"
                start = rand_date(y, (1, 20), (12, 10))
                end = start + dt.timedelta(days=rng.choice([0, 1, 1, 1, 2, 2, 3]))
                fmt = rng.choices(["in-person", "virtual", "hybrid"],
                                  FORMAT_WEIGHTS[y])[0]
                org0 = orgs[0]
                if fmt == "virtual":
                    venue = "Online"
                elif rng.random() < 0.15:
                    venue = "Astana"
                elif org0 in OTHER_CITY and rng.random() < 0.3:
                    venue = OTHER_CITY[org0]
                else:
                    venue = CAPITAL[org0]
                r = rng.random()
                note = ""
                if y < 2025 or start <= TODAY:
                    status = ("held" if r < 0.78 else "postponed" if r < 0.89
                              else "cancelled")
                    if y < 2025 and start > dt.date(y, 11, 20) and status == "held" \
                            and rng.random() < 0.3:
                        status = "planned"
                        note = "No report received from the organizer"
                    if y == 2025 and start > dt.date(2025, 9, 15) and status == "held" \
                            and rng.random() < 0.5:
                        status = "planned"
                        note = "Report of the organizer pending"
                else:
                    status = "planned" if r < 0.9 else "postponed"
                if status == "cancelled" and rng.random() < 0.6:
                    note = rng.choice(["Cancelled for lack of registrations",
                                       "Cancelled by the organizer",
                                       "Cancelled; replaced by a virtual briefing"])
                items.append(dict(title=title, area=area, orgs=orgs, co=co,
                                  start=start, end=end, format=fmt, venue=venue,
                                  status=status, note=note))
        # the plan is numbered by dimension, then area, then date
        items.sort(key=lambda it: (DIMENSIONS.index(AREA_DIM[it["area"]]),
                                   AREA_CODES.index(it["area"]), it["start"]))
        if y == 2024:
            items.append(dict(
                title='Conference on "Connectivity, trade and transit" in the CICA region',
                area="TRN", orgs=["TUR"], co=[], start=dt.date(2024, 10, 8),
                end=dt.date(2024, 10, 9), format="in-person", venue="Istanbul",
                status="held",
                note="Added at the request of Türkiye after the adoption of the plan"))
        for i, it in enumerate(items, 1):
            if y == 2024 and it["status"] == "postponed":
                postponed_2024.append(i)
                if len(postponed_2024) == 1:
                    it["note"] = "Postponed to 2025"
            rows.append([y, i, it["title"], it["area"], "|".join(it["orgs"]),
                         "|".join(it["co"]), it["start"].isoformat(),
                         it["end"].isoformat(), it["format"], it["venue"],
                         it["status"], it["note"], *title_ru_kk(it["title"])])
    # Items added after the plan of 2024 was adopted: at the SWG of
    # 5 December 2023 four at the request of Russia and Bangladesh (the
    # items each of them organises), item 27 on 7 December 2023 at the
    # request of Türkiye.  Every other item was adopted with its plan.
    for r in rows:
        added, by = "", ""
        if r[0] == 2024 and r[1] == 27:
            added, by = "2023-12-07", "TUR"
        elif r[0] == 2024:
            by = "|".join(s for s in ("RUS", "BGD") if s in r[4].split("|"))
            added = "2023-12-05" if by else ""
        r.extend([added, by])
    # 2025 carries over the first event postponed from 2024
    if postponed_2024:
        src = next(r for r in rows if r[0] == 2024 and r[1] == postponed_2024[0])
        for r in rows:
            if r[0] == 2025 and r[3] == src[3] and r[10] == "held":
                r[2] = src[2]
                r[12], r[13] = src[12], src[13]
                r[4] = src[4]
                if r[9] not in ("Online", "Astana"):
                    r[9] = CAPITAL[src[4].split("|")[0]]
                r[11] = f"Postponed from 2024 (item {src[1]})"
                break
    return rows


# --------------------------------------------------------------------------
# The organisation: real names; the emblem is the project's own drawing
# (emblem.py), not the organisation's logo.
# --------------------------------------------------------------------------
ORGANIZATION = (
    ["name_en", "name_ru", "name_kk", "short_en", "short_ru", "short_kk",
     "signatory_en", "signatory_ru", "signatory_kk", "emblem"],
    ["Conference on Interaction and Confidence Building Measures in Asia",
     "Совещание по взаимодействию и мерам доверия в Азии",
     "Азиядағы өзара іс-қимыл және сенім шаралары жөніндегі кеңес",
     "CICA", "СВМДА", "АӨСШК",
     "Secretary General", "Генеральный секретарь", "Бас хатшы",
     "emblem.png"],
)


# --------------------------------------------------------------------------
def main():
    outdir = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    os.makedirs(outdir, exist_ok=True)
    counts = {}

    counts["states.csv"] = write_csv(
        outdir, "states.csv",
        ["code", "name_en", "name_ru", "name_kk", "status", "joined", "aliases"],
        [(c, en, ru, kk, st, j, "|".join(al)) for c, en, ru, kk, st, j, al in STATES])
    counts["areas.csv"] = write_csv(
        outdir, "areas.csv", ["dimension", "code", "name_en", "name_ru", "name_kk"],
        AREAS)
    counts["coordinators.csv"] = write_csv(
        outdir, "coordinators.csv", ["area", "state", "role", "from_year", "to_year"],
        COORDINATORS)

    fx = build_fx()
    fx_rows = [(cur, d.isoformat(), fx[cur][d, "text"])
               for cur in FX_CURRENCIES for d in months(FX_FIRST, FX_LAST)]
    counts["fx.csv"] = write_csv(outdir, "fx.csv",
                                 ["currency", "date", "usd_per_unit"], fx_rows)

    budget_rows, approved = build_budget()
    counts["budget.csv"] = write_csv(
        outdir, "budget.csv",
        ["year", "line", "title", "approved", "currency", "spent", "title_ru",
         "title_kk", "status"], budget_rows)

    plan_rows = build_plan()
    counts["plan.csv"] = write_csv(
        outdir, "plan.csv",
        ["year", "item", "title", "area", "organizers", "co_organizers", "start",
         "end", "format", "venue", "status", "note", "title_ru", "title_kk",
         "added_on", "requested_by"],
        plan_rows)

    contrib = build_contributions(fx, approved)
    counts["contributions.csv"] = write_csv(
        outdir, "contributions.csv",
        ["state", "received_on", "amount", "currency", "budget_year", "kind",
         "reference", "note"],
        [(r["state"], r["received_on"].isoformat(), money(r["amount"], r["currency"]),
          r["currency"], r["budget_year"], r["kind"], r["reference"], r["note"])
         for r in contrib])

    counts["pledges.csv"] = write_csv(
        outdir, "pledges.csv",
        ["state", "budget_year", "amount", "currency", "pledged_on", "note"],
        build_pledges(fx, contrib))
    counts["secondments.csv"] = write_csv(
        outdir, "secondments.csv", ["state", "year", "person_months", "grade", "note"],
        build_secondments())
    counts["scale.csv"] = write_csv(outdir, "scale.csv", ["scale", "state", "share"],
                                    build_scale())
    counts["organization.csv"] = write_csv(
        outdir, "organization.csv", ORGANIZATION[0], [ORGANIZATION[1]])
    for name, n in counts.items():
        print(f"{name}: {n} rows")


if __name__ == "__main__":
    main()
