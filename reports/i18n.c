/*
 * i18n.c - every label a reader sees, in English, Russian and Kazakh.
 * One table, so that a translator reviews one file; a key missing in a
 * language falls back to English.  "{}" marks where a value goes: no
 * printf formats in translated text.
 */
#include <glib.h>
#include <string.h>

#include "report.h"

struct label {
	const char *key;
	const char *text[3]; /* en, ru, kk */
};

static const struct label labels[] = {
    {"others", {"Others", "Прочие", "Басқалары"}},
    {"year", {"Year", "Год", "Жыл"}},
    {"contributions.title",
     {"Voluntary contributions by state, {}",
      "Добровольные взносы по государствам, {}",
      "Мемлекеттер бойынша ерікті жарналар, {}"}},
    {"contributions.subtitle",
     {"Received for the budget year, {}", "Поступило за бюджетный год, {}",
      "Бюджет жылына түскені, {}"}},
    {"history.title",
     {"Voluntary contributions by year and state",
      "Добровольные взносы по годам и государствам",
      "Жылдар мен мемлекеттер бойынша ерікті жарналар"}},
    {"history.subtitle",
     {"Received for each budget year, {}",
      "Поступило за каждый бюджетный год, {}", "Әр бюджет жылына түскені, {}"}},
    {"collection.title",
     {"Collection rate of voluntary contributions",
      "Уровень сбора добровольных взносов",
      "Ерікті жарналардың жиналу деңгейі"}},
    {"collection.subtitle",
     {"Received / approved budget, with the forecast for {}",
      "Поступления / утверждённый бюджет, с прогнозом на {}",
      "Түсім / бекітілген бюджет, {} жылға болжаммен"}},
    {"collection.subtitle_short",
     {"Received / approved budget", "Поступления / утверждённый бюджет",
      "Түсім / бекітілген бюджет"}},
    {"collection.rate", {"Collection rate", "Уровень сбора", "Жиналу деңгейі"}},
    {"collection.so_far",
     {"{} so far", "{}: поступило на сегодня", "{}: бүгінге дейін"}},
    {"forecast", {"Forecast", "Прогноз", "Болжам"}},
    {"interval95", {"95 % interval", "95 % интервал", "95 % аралық"}},
    {"curve.title",
     {"Cumulative collection, {}", "Накопленный сбор взносов, {}",
      "Жарналардың жинақталған түсімі, {}"}},
    {"curve.subtitle",
     {"Share of the approved budget received by each day",
      "Доля утверждённого бюджета, полученная к каждому дню",
      "Әр күнге дейін түскен бекітілген бюджет үлесі"}},
    {"curve.mean",
     {"Mean of earlier years", "Среднее за прошлые годы",
      "Өткен жылдардың орташасы"}},
    {"curve.range",
     {"Range of earlier years", "Диапазон прошлых лет",
      "Өткен жылдардың ауқымы"}},
    {"curve.even", {"Even pace", "Равномерный темп", "Біркелкі қарқын"}},
    {"activity.title",
     {"Events held by priority area and year",
      "Проведённые мероприятия по приоритетным направлениям и годам",
      "Басым бағыттар мен жылдар бойынша өткізілген іс-шаралар"}},
    {"activity.subtitle",
     {"Events of the annual plans held", "Проведено мероприятий плана",
      "Жоспардағы өткізілген іс-шаралар"}},
};

const char *rpt_label(enum cbm_lang lang, const char *key)
{
	for (size_t i = 0; i < sizeof(labels) / sizeof(labels[0]); i++) {
		if (strcmp(labels[i].key, key) != 0)
			continue;
		if ((int)lang >= 0 && lang <= CBM_LANG_KK &&
		    labels[i].text[lang])
			return labels[i].text[lang];
		return labels[i].text[CBM_LANG_EN];
	}
	return key;
}

char *rpt_labelf(enum cbm_lang lang, const char *key, const char *value)
{
	const char *label = rpt_label(lang, key);
	const char *at = strstr(label, "{}");

	if (!at)
		return g_strdup(label);
	return g_strdup_printf("%.*s%s%s", (int)(at - label), label, value,
	                       at + 2);
}
