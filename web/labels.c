/*
 * labels.c - the words of the web pages in English, Russian and Kazakh.
 * Words the reports already have (headings of columns, key figures,
 * statuses) come from reports/ (rpt_label); these are the pages' own.
 */
#include <string.h>

#include "web_internal.h"

struct label {
	const char *key;
	const char *text[3]; /* by enum cbm_lang: en, ru, kk */
};

static const struct label labels[] = {
    {"nav.overview", {"Overview", "Обзор", "Шолу"}},
    {"nav.figures", {"Figures", "Показатели", "Көрсеткіштер"}},
    {"nav.query", {"Query", "Запрос", "Сұрау"}},
    {"nav.reports", {"Reports", "Отчёты", "Есептер"}},
    {"nav.batches", {"Batches", "Загрузки", "Жүктемелер"}},
    {"lang.name", {"English", "Русский", "Қазақша"}},
    {"key.figures",
     {"Key figures of {}", "Основные показатели за {} год",
      "{} жылдың негізгі көрсеткіштері"}},
    {"charts", {"Charts", "Диаграммы", "Диаграммалар"}},
    {"no.year",
     {"No approved budget yet: nothing to show.",
      "Утверждённого бюджета пока нет: показывать нечего.",
      "Бекітілген бюджет әлі жоқ: көрсететін ештеңе жоқ."}},
    {"show", {"Show", "Показать", "Көрсету"}},
    {"download", {"Download", "Скачать", "Жүктеп алу"}},
    {"run", {"Run", "Выполнить", "Орындау"}},
    {"make", {"Make the PDF", "Сформировать PDF", "PDF жасау"}},
    {"amounts.in", {"Amounts in {}.", "Суммы в {}.", "Сомалар {} бойынша."}},
    {"opt.year", {"Year", "Год", "Жыл"}},
    {"opt.from", {"From year", "С года", "Басталу жылы"}},
    {"opt.to", {"To year", "До года (включительно)", "Аяқталу жылы"}},
    {"opt.currency", {"Currency", "Валюта", "Валюта"}},
    {"opt.kind", {"Basis", "Основа", "Негіз"}},
    {"opt.as_of", {"As of", "По состоянию на", "Жағдай бойынша"}},
    {"opt.by", {"By", "По", "Бойынша"}},
    {"opt.of", {"Trend of", "Тренд", "Тренд"}},
    {"opt.scale", {"Scale", "Шкала", "Шкала"}},
    {"opt.state", {"State", "Государство", "Мемлекет"}},
    {"opt.with_co",
     {"with co-organizers", "с соорганизаторами", "тең ұйымдастырушылармен"}},
    {"opt.report", {"Report", "Отчёт", "Есеп"}},
    {"opt.lang", {"Language", "Язык", "Тіл"}},
    {"any", {"(any)", "(любой)", "(кез келген)"}},
    {"report.annual", {"Annual report", "Годовой отчёт", "Жылдық есеп"}},
    {"report.budget",
     {"Budget brief (SWG)", "Бюджетная записка (СРГ)", "Бюджет жазбасы (АЖТ)"}},
    {"report.state",
     {"A state's statement", "Справка по государству",
      "Мемлекет бойынша анықтама"}},
    {"reports.intro",
     {"Choose a report and its language; the PDF is made from the "
      "database as it is now.",
      "Выберите отчёт и язык; PDF формируется из базы данных в её "
      "текущем состоянии.",
      "Есеп пен тілді таңдаңыз; PDF дерекқордың қазіргі күйінен "
      "жасалады."}},
    {"query.intro",
     {"One read-only SQL statement; writes are refused. {} rows a page.",
      "Один SQL-запрос только для чтения; запись запрещена. {} строк "
      "на странице.",
      "Бір ғана оқуға арналған SQL сұрауы; жазуға тыйым салынған. Бетте "
      "{} жол."}},
    {"query.limit",
     {"A query stops after {} seconds.", "Запрос останавливается через {} с.",
      "Сұрау {} секундтан кейін тоқтатылады."}},
    {"views", {"Views", "Представления", "Көріністер"}},
    {"columns", {"Columns", "Столбцы", "Бағандар"}},
    {"example", {"Try it", "Пример", "Мысал"}},
    {"rows.shown",
     {"Rows {} shown.", "Показаны строки {}.", "{} жолдар көрсетілді."}},
    {"no.rows", {"No rows.", "Строк нет.", "Жолдар жоқ."}},
    {"next", {"Next page", "Следующая страница", "Келесі бет"}},
    {"prev", {"Previous page", "Предыдущая страница", "Алдыңғы бет"}},
    {"error", {"Error", "Ошибка", "Қате"}},
    {"not.found", {"No such page.", "Такой страницы нет.", "Мұндай бет жоқ."}},
    {"figure", {"Figure", "Показатель", "Көрсеткіш"}},
    {"batches.intro",
     {"The files loaded into the database: one batch per file or sheet.",
      "Файлы, загруженные в базу данных: одна загрузка на файл или "
      "лист.",
      "Дерекқорға жүктелген файлдар: әр файлға немесе параққа бір "
      "жүктеме."}},
};

const char *web_label(enum cbm_lang lang, const char *key)
{
	for (size_t i = 0; i < G_N_ELEMENTS(labels); i++)
		if (strcmp(labels[i].key, key) == 0)
			return labels[i].text[lang];
	return key;
}

char *web_labelf(enum cbm_lang lang, const char *key, const char *value)
{
	GString *s = g_string_new(web_label(lang, key));

	g_string_replace(s, "{}", value, 1);
	return g_string_free(s, FALSE);
}
