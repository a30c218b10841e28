#!/usr/bin/env python3
"""Writes the sources of the renditions in this folder (see README.md).

From the English files of en/ (committed, the reference), writes into
the folder given as argv[1]:
  ru_*.csv  Russian headers and values, states by their Russian names,
            dates as 31.12.2023, a decimal comma, ';' between fields, as
            a Russian-locale spreadsheet shows them;
  kk_*.csv  the same in Kazakh.
make.sh turns them into workbooks and Windows-1251 text with LibreOffice.
Deterministic; Python 3 standard library only.
"""
import csv
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
out = sys.argv[1]

states = {r["code"]: r for r in csv.DictReader(open(os.path.join(here, "..", "..", "..", "examples", "states.csv"), encoding="utf-8"))}

HEADERS = {
    "contributions": {
        "ru": {"state": "Государство", "received_on": "Дата поступления",
               "amount": "Сумма", "currency": "Валюта",
               "budget_year": "Бюджетный год", "kind": "Вид взноса",
               "reference": "Номер документа", "note": "Примечание"},
        "kk": {"state": "Мемлекет", "received_on": "Түскен күні",
               "amount": "Сома", "currency": "Валютасы",
               "budget_year": "Бюджет жылы", "kind": "Жарна түрі",
               "reference": "Құжат нөмірі", "note": "Ескерту"},
    },
    "plan": {
        "ru": {"year": "Год", "item": "№", "title": "Название (англ.)",
               "area": "Приоритетная область", "organizers": "Организаторы",
               "co_organizers": "Соорганизаторы", "start": "Дата начала",
               "end": "Дата окончания", "format": "Формат",
               "venue": "Место проведения", "status": "Статус",
               "note": "Примечание", "title_ru": "Название (рус.)",
               "title_kk": "Название (каз.)"},
        "kk": {"year": "Жылы", "item": "Тармақ", "title": "Атауы (ағылш.)",
               "area": "Басым бағыт", "organizers": "Ұйымдастырушылар",
               "co_organizers": "Бірлескен ұйымдастырушылар",
               "start": "Басталу күні", "end": "Аяқталу күні",
               "format": "Өткізу түрі", "venue": "Өтетін орны",
               "status": "Мәртебесі", "note": "Ескертпе",
               "title_ru": "Атауы (орыс.)", "title_kk": "Атауы (қаз.)"},
    },
    "budget": {
        "ru": {"year": "Год", "line": "Статья", "title": "Наименование",
               "approved": "Утверждено", "currency": "Валюта",
               "spent": "Израсходовано", "title_ru": "Наименование (рус.)",
               "title_kk": "Наименование (каз.)"},
        "kk": {"year": "Жыл", "line": "Бап", "title": "Атауы (ағылш.)",
               "approved": "Бекітілген сома", "currency": "Валюта",
               "spent": "Жұмсалған", "title_ru": "Атауы (орыс.)",
               "title_kk": "Атауы (қаз.)"},
    },
}

VALUES = {
    "status": {"ru": {"planned": "Запланировано", "held": "проведено",
                      "postponed": "перенесено", "cancelled": "отменено"},
               "kk": {"planned": "жоспарланған", "held": "Өткізілді",
                      "postponed": "кейінге қалдырылды",
                      "cancelled": "өтпеді"}},
    "format": {"ru": {"in-person": "очно", "virtual": "онлайн",
                      "hybrid": "гибридный"},
               "kk": {"in-person": "бетпе-бет", "virtual": "виртуалды",
                      "hybrid": "аралас"}},
    "kind": {"ru": {"voluntary": "добровольный", "earmarked": "целевой",
                    "in-kind": "в натуральной форме"},
             "kk": {"voluntary": "ерікті", "earmarked": "мақсатты",
                    "in-kind": "заттай"}},
}


def day(iso):
    return "%s.%s.%s" % (iso[8:10], iso[5:7], iso[0:4]) if iso else ""


def value(lang, col, v):
    if not v:
        return v
    if col in VALUES:
        return VALUES[col][lang][v]
    if col == "state":
        return states[v]["name_" + lang]
    if col in ("organizers", "co_organizers"):
        return "|".join(states[c]["name_" + lang] for c in v.split("|"))
    if col in ("received_on", "start", "end"):
        return day(v)
    if col in ("amount", "approved", "spent"):
        return v.replace(".", ",")
    return v


for kind in ("contributions", "plan", "budget"):
    rows = list(csv.DictReader(open(os.path.join(here, "en", kind + ".csv"),
                                    encoding="utf-8")))
    for lang in ("ru", "kk"):
        names = HEADERS[kind][lang]
        with open(os.path.join(out, "%s_%s.csv" % (lang, kind)), "w",
                  encoding="utf-8", newline="") as f:
            w = csv.writer(f, delimiter=";", lineterminator="\n")
            cols = list(rows[0].keys())
            w.writerow([names[c] for c in cols])
            for r in rows:
                w.writerow([value(lang, c, r[c]) for c in cols])
