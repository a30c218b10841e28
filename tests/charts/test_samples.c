/*
 * test_samples.c - the sample charts: contributions by state, history by
 * year (grouped and stacked, top N plus others), collection rate with a
 * forecast, the cumulative curve of a leap year, and events held per
 * priority area and year.  Strings are given per language as a report
 * would pass them, already translated.
 */
#include <glib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "test_samples.h"

const char *const sample_names[SAMPLE_COUNT] = {
    "contributions", "grouped",  "stacked",  "collection",
    "curve",         "activity", "calendar",
};

static const char *const lang_names[3] = {"en", "ru", "kk"};

/* Twelve states, in no particular order. */
static const char *const states[3][SAMPLE_CONTRIB_N] = {
    {"Azerbaijan", "Kazakhstan", "Republic of Korea", "China",
     "United Arab Emirates", "Russia", "Türkiye", "India", "Thailand",
     "Uzbekistan", "Tajikistan", "Mongolia"},
    {"Азербайджан", "Казахстан", "Республика Корея", "Китай",
     "Объединённые Арабские Эмираты", "Россия", "Турция", "Индия", "Таиланд",
     "Узбекистан", "Таджикистан", "Монголия"},
    {"Әзірбайжан", "Қазақстан", "Корея Республикасы", "Қытай",
     "Біріккен Араб Әмірліктері", "Ресей", "Түркия", "Үндістан", "Тайланд",
     "Өзбекстан", "Тәжікстан", "Моңғолия"},
};

const double sample_contrib[SAMPLE_CONTRIB_N] = {
    40000,  250000, 50000, 180000, 30000, 200000,
    120000, 35000,  20000, 15000,  5000,  2500,
};

static const char *const source[3] = {
    "Source: CBM Secretariat; illustrative figures.",
    "Источник: Секретариат СМД; условные данные.",
    "Дереккөз: СШҚ Хатшылығы; шартты деректер.",
};

static void set_years(struct sample *s, int from, int count)
{
	for (int i = 0; i < count; i++) {
		snprintf(s->years[i], sizeof(s->years[i]), "%d", from + i);
		s->cats[i] = s->years[i];
	}
	s->chart.categories = s->cats;
	s->chart.ncat = (size_t)count;
}

static void make_contributions(struct sample *s, enum cbm_lang l)
{
	static const char *const title[3] = {
	    "Voluntary contributions by state, 2023",
	    "Добровольные взносы государств, 2023",
	    "Мемлекеттердің ерікті жарналары, 2023",
	};
	static const char *const sub[3] = {
	    "USD, received by 31 December 2023",
	    "долл. США, поступило по 31.12.2023",
	    "АҚШ долл., 31.12.2023 дейін түскен",
	};
	static const char *const xt[3] = {"US dollars", "доллары США",
	                                  "АҚШ доллары"};

	s->chart.title = title[l];
	s->chart.subtitle = sub[l];
	s->chart.x_title = xt[l];
	s->chart.format = CHART_FMT_MONEY;
	for (int i = 0; i < SAMPLE_CONTRIB_N; i++) {
		s->cats[i] = states[l][i];
		s->values[0][i] = sample_contrib[i];
	}
	s->chart.categories = s->cats;
	s->chart.ncat = SAMPLE_CONTRIB_N;
	s->series[0].values = s->values[0];
	s->chart.nseries = 1;
}

/* Ten states' contributions FROM..FROM+COUNT-1, growing, some joining
 * late (missing before). */
static void make_history(struct sample *s, enum cbm_lang l, int from, int count)
{
	static const double base[10] = {90000, 80000, 60000, 45000, 20000,
	                                15000, 12000, 9000,  6000,  4000};
	static const char *const title[3] = {
	    "Voluntary contributions by year",
	    "Добровольные взносы по годам",
	    "Жылдар бойынша ерікті жарналар",
	};
	static const char *const yt[3] = {"USD", "долл. США", "АҚШ долл."};
	static const char *const others[3] = {"Others", "Прочие", "Басқалар"};

	s->chart.title = title[l];
	s->chart.subtitle = source[l];
	s->chart.y_title = yt[l];
	s->chart.format = CHART_FMT_MONEY;
	s->chart.others_label = others[l];
	set_years(s, from, count);
	for (int k = 0; k < 10; k++) {
		int state = (k + 1) % SAMPLE_CONTRIB_N; /* KAZ first */

		s->series[k].name = states[l][state];
		s->series[k].values = s->values[k];
		for (int i = 0; i < count; i++) {
			int year = from + i;
			double g = 1 + 0.04 * (year - 2006) +
			           0.1 * sin(year * 1.3 + k);
			s->values[k][i] = k == 2 && year < 2010 ? NAN
			                  : (year + k) % 9 == 0 ? 0
			                                        : base[k] * g;
		}
	}
	s->chart.nseries = 10;
}

static void make_collection(struct sample *s, enum cbm_lang l)
{
	static const double rate[16] = {0.62, 0.70, 0.66, 0.75, 0.81, 0.78,
	                                0.85, 0.83, 0.88, 0.92, 0.79, 0.86,
	                                0.90, 0.93, 0.91, 0.95};
	static const char *const title[3] = {
	    "Collection rate of voluntary contributions",
	    "Уровень сбора добровольных взносов",
	    "Ерікті жарналардың жиналу деңгейі",
	};
	static const char *const names[3][3] = {
	    {"Collection rate", "Forecast 2026", "95 % interval"},
	    {"Уровень сбора", "Прогноз на 2026", "95 % интервал"},
	    {"Жиналу деңгейі", "2026 болжамы", "95 % аралық"},
	};

	s->chart.title = title[l];
	s->chart.source = source[l];
	s->chart.format = CHART_FMT_PERCENT;
	set_years(s, 2010, 17);
	for (int i = 0; i < 17; i++) {
		s->values[0][i] = i < 16 ? rate[i] : NAN;
		s->values[1][i] = s->lo[1][i] = s->hi[1][i] = NAN;
	}
	s->values[1][15] = s->lo[1][15] = s->hi[1][15] = rate[15];
	s->values[1][16] = 0.96;
	s->lo[1][16] = 0.84;
	s->hi[1][16] = 1.08;
	s->series[0] =
	    (struct chart_series){.name = names[l][0], .values = s->values[0]};
	s->series[1] = (struct chart_series){.name = names[l][1],
	                                     .values = s->values[1],
	                                     .lo = s->lo[1],
	                                     .hi = s->hi[1],
	                                     .band_name = names[l][2],
	                                     .forecast = true};
	s->chart.nseries = 2;
}

/* Cumulative rate of 2024 (a leap year) as of day 289, with payments on a
 * few days, beside smooth mean, min and max of earlier years. */
static void make_curve(struct sample *s, enum cbm_lang l)
{
	static const int day[7] = {1, 45, 80, 120, 170, 200, 260};
	static const double paid[7] = {0.05, 0.15, 0.10, 0.20,
	                               0.08, 0.12, 0.10};
	static const char *const title[3] = {
	    "Collection of voluntary contributions in 2024",
	    "Сбор добровольных взносов в 2024 году",
	    "2024 жылғы ерікті жарналардың жиналуы",
	};
	static const char *const names[3][4] = {
	    {"2024", "Mean 2006–2023", "Range 2006–2023", "Even pace"},
	    {"2024", "Среднее 2006–2023", "Разброс 2006–2023",
	     "Равномерный темп"},
	    {"2024", "Орташа 2006–2023", "Ауқым 2006–2023",
	     "Бірқалыпты қарқын"},
	};

	s->chart.title = title[l];
	s->chart.subtitle = source[l];
	s->chart.format = CHART_FMT_PERCENT;
	s->chart.ncat = 366;
	s->chart.diagonal_label = names[l][3];
	for (int d = 1; d <= 366; d++) {
		double t = d / 366.0, cum = 0;

		for (int k = 0; k < 7; k++)
			cum += d >= day[k] ? paid[k] : 0;
		s->values[0][d - 1] = d <= 289 ? cum : NAN;
		s->values[1][d - 1] = 0.93 * pow(t, 0.8);
		s->lo[1][d - 1] = 0.7 * t;
		s->hi[1][d - 1] = fmin(1.05, 1.12 * pow(t, 0.6));
	}
	s->series[0] =
	    (struct chart_series){.name = names[l][0], .values = s->values[0]};
	s->series[1] = (struct chart_series){.name = names[l][1],
	                                     .values = s->values[1],
	                                     .lo = s->lo[1],
	                                     .hi = s->hi[1],
	                                     .band_name = names[l][2]};
	s->chart.nseries = 2;
}

static const char *const areas[3][10] = {
    {"Military-political measures", "Combating terrorism",
     "Combating illicit drugs", "Security of and in the use of ICTs",
     "Trade and investment", "Sustainable development",
     "Environment protection", "Natural disaster management",
     "Epidemiological safety, public health and pharmaceuticals",
     "Volunteerism"},
    {"Военно-политические меры", "Борьба с терроризмом",
     "Борьба с незаконным оборотом наркотиков",
     "Безопасность ИКТ и в сфере их использования", "Торговля и инвестиции",
     "Устойчивое развитие", "Охрана окружающей среды",
     "Управление стихийными бедствиями",
     "Эпидемиологическая безопасность, здравоохранение и "
     "фармацевтика",
     "Волонтёрство"},
    {"Әскери-саяси шаралар", "Терроризмге қарсы күрес",
     "Есірткінің заңсыз айналымына қарсы күрес", "АКТ қауіпсіздігі",
     "Сауда және инвестициялар", "Тұрақты даму", "Қоршаған ортаны қорғау",
     "Табиғи апаттарды басқару",
     "Эпидемиологиялық қауіпсіздік, денсаулық сақтау және "
     "фармацевтика",
     "Еріктілік"},
};

static void make_activity(struct sample *s, enum cbm_lang l)
{
	static const char *const title[3] = {
	    "Events held by priority area",
	    "Проведённые мероприятия по приоритетным направлениям",
	    "Басым бағыттар бойынша өткізілген іс-шаралар",
	};
	static const char *const xt[3] = {"Year", "Год", "Жыл"};

	s->chart.title = title[l];
	s->chart.x_title = xt[l];
	s->chart.source = source[l];
	set_years(s, 2019, 7);
	for (int r = 0; r < 10; r++) {
		s->series[r].name = areas[l][r];
		s->series[r].values = s->values[r];
		for (int c = 0; c < 7; c++) {
			int year = 2019 + c;
			bool absent =
			    (r == 8 && year < 2020) || (r == 9 && year < 2023);
			s->values[r][c] = absent ? NAN : (r * 3 + c * 5) % 7;
		}
	}
	s->chart.nseries = 10;
}

/* 2024, a leap year: one-day events, events over months, two that
 * overlap in one row, the first and the last day of the year. */
static void make_calendar(struct sample *s, enum cbm_lang l)
{
	static const struct chart_mark marks[SAMPLE_CALENDAR_MARKS] = {
	    {0, 0, 75, 75},   {1, 0, 162, 172}, {2, 1, 1, 1},
	    {2, 0, 100, 103}, {2, 2, 101, 140}, {3, 3, 366, 366},
	    {4, 0, 250, 252}, {5, 2, 45, 45},   {6, 0, 300, 330},
	    {7, 3, 200, 201}, {8, 0, 31, 32},   {8, 1, 31, 31},
	    {9, 0, 335, 366}, {9, 3, 120, 120},
	};
	static const char *const title[3] = {
	    "Calendar of events, 2024",
	    "Календарь мероприятий, 2024",
	    "Іс-шаралар күнтізбесі, 2024",
	};
	static const char *const classes[3][4] = {
	    {"Held", "Postponed", "Cancelled", "Planned"},
	    {"Проведено", "Перенесено", "Отменено", "Запланировано"},
	    {"Өткізілді", "Кейінге қалдырылды", "Болдырылмады", "Жоспарланған"},
	};
	static const int colors[4] = {3, 2, 4, 5};

	s->chart.title = title[l];
	s->chart.source = source[l];
	s->chart.year = 2024;
	for (int r = 0; r < 10; r++)
		s->cats[r] = areas[l][r];
	s->chart.categories = s->cats;
	s->chart.ncat = 10;
	for (int k = 0; k < 4; k++)
		s->series[k] = (struct chart_series){.name = classes[l][k],
		                                     .color = colors[k]};
	s->chart.nseries = 4;
	memcpy(s->marks, marks, sizeof(marks));
	s->chart.marks = s->marks;
	s->chart.nmarks = SAMPLE_CALENDAR_MARKS;
}

void sample_make(struct sample *s, enum chart_kind kind, enum cbm_lang lang)
{
	memset(s, 0, sizeof(*s));
	s->chart.kind = kind;
	s->chart.lang = lang;
	s->chart.series = s->series;
	switch (kind) {
	case CHART_HBAR:
		make_contributions(s, lang);
		break;
	case CHART_GROUPED:
		make_history(s, lang, 2019, 7);
		s->chart.top_n = 4;
		break;
	case CHART_STACKED:
		make_history(s, lang, 2006, 20);
		s->chart.top_n = 5;
		break;
	case CHART_LINE:
		make_collection(s, lang);
		break;
	case CHART_CURVE:
		make_curve(s, lang);
		break;
	case CHART_HEATMAP:
		make_activity(s, lang);
		break;
	case CHART_CALENDAR:
		make_calendar(s, lang);
		break;
	}
}

static int write_one(const struct chart *c, const char *path, double w,
                     double h)
{
	struct cbm_error err = {0};
	char msg[1600];

	if (chart_write_file(c, path, w, h, &err) == CBM_OK)
		return 0;
	cbm_error_format(&err, msg, sizeof(msg));
	fprintf(stderr, "%s\n", msg);
	return 1;
}

/* KIND-LANG.{pdf,png,svg} at the default sizes and KIND-LANG-small.png at
 * the size of a chart in a report column. */
static int write_sample(const struct sample *s, const char *dir, int k, int l)
{
	static const char *const ext[3] = {"pdf", "png", "svg"};
	int failures = 0;
	char *path;

	for (int e = 0; e < 3; e++) {
		path = g_strdup_printf("%s/%s-%s.%s", dir, sample_names[k],
		                       lang_names[l], ext[e]);
		failures += write_one(&s->chart, path, 0, 0);
		g_free(path);
	}
	path = g_strdup_printf("%s/%s-%s-small.png", dir, sample_names[k],
	                       lang_names[l]);
	failures += write_one(&s->chart, path, 520, 340);
	g_free(path);
	return failures;
}

/* hostile-kk.pdf: control characters and bytes that are not UTF-8 in the
 * title, a subtitle of ten thousand characters. */
static int write_hostile(struct sample *s, const char *dir)
{
	GString *sub = g_string_new("");
	char *path = g_strdup_printf("%s/hostile-kk.pdf", dir);
	int failures;

	while (sub->len < 10000)
		g_string_append(sub, "Біріккен Араб Әмірліктері\t\x01 ");
	sample_make(s, CHART_HBAR, CBM_LANG_KK);
	s->chart.title = "Жарналар\x01\x02\n\r\tбойынша \xff\xfe есеп";
	s->chart.subtitle = sub->str;
	failures = write_one(&s->chart, path, 0, 0);
	g_free(path);
	g_string_free(sub, TRUE);
	return failures;
}

int sample_write_all(const char *dir)
{
	struct sample *s = g_new0(struct sample, 1);
	int failures = 0;

	for (int k = 0; k < SAMPLE_COUNT; k++) {
		for (int l = 0; l < 3; l++) {
			sample_make(s, (enum chart_kind)k, (enum cbm_lang)l);
			failures += write_sample(s, dir, k, l);
		}
	}
	failures += write_hostile(s, dir);
	g_free(s);
	return failures;
}
