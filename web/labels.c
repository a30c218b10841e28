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
    {"view.what", {"What it holds", "Что содержит", "Не қамтиды"}},
    {"view.v_batches",
     {"import batches: one row per loaded file or workbook sheet (name, sheet, SHA-256, rows, time, tool version, the user who loaded it, how its headers were read)",
      "загрузки: по строке на каждый загруженный файл или лист книги (имя, лист, SHA-256, строки, время, версия программы, кто загрузил, как прочитаны заголовки)",
      "жүктемелер: әр жүктелген файлға немесе кітап парағына бір жол (атауы, парақ, SHA-256, жолдар, уақыт, бағдарлама нұсқасы, кім жүктеді, тақырыптар қалай оқылды)"}},
    {"view.v_states",
     {"states with their English, Russian and Kazakh names, status, year joined and aliases",
      "государства с названиями на английском, русском и казахском, статусом, годом вступления и другими написаниями",
      "мемлекеттер ағылшын, орыс және қазақ тілдеріндегі атауларымен, мәртебесімен, қосылған жылымен және басқа жазылуларымен"}},
    {"view.v_areas",
     {"priority areas with dimension and current coordinators (state codes separated by |)",
      "приоритетные направления с измерением и нынешними координаторами (коды государств через |)",
      "басым бағыттар өлшемімен және қазіргі үйлестірушілерімен (мемлекет кодтары | арқылы)"}},
    {"view.v_contributions",
     {"contributions received, amount in its currency and in USD at the rate of the day received",
      "полученные взносы: сумма в своей валюте и в долларах США по курсу на день получения",
      "түскен жарналар: сома өз валютасында және түскен күнгі бағам бойынша АҚШ долларында"}},
    {"view.v_pledges",
     {"pledges, amount in its currency and in USD",
      "объявленные взносы: сумма в своей валюте и в долларах США",
      "міндеттемелер: сома өз валютасында және АҚШ долларында"}},
    {"view.v_budget",
     {"budget and spending per line and year (status approved or draft; titles in three languages), in its currency and in USD",
      "бюджет и расходы по статьям и годам (статус: утверждён или проект; названия на трёх языках) в своей валюте и в долларах США",
      "баптар мен жылдар бойынша бюджет пен шығыстар (мәртебесі: бекітілген немесе жоба; атаулары үш тілде) өз валютасында және АҚШ долларында"}},
    {"view.v_collection_by_year",
     {"per budget year: approved budget, voluntary contributions received and pledged (USD) and the collection rate (empty without an approved budget; a draft does not count)",
      "по бюджетным годам: утверждённый бюджет, полученные и объявленные добровольные взносы (USD) и уровень сбора (пусто без утверждённого бюджета; проект не учитывается)",
      "бюджет жылдары бойынша: бекітілген бюджет, түскен және міндеттелген ерікті жарналар (USD) және жиналу деңгейі (бекітілген бюджет болмаса бос; жоба есептелмейді)"}},
    {"view.v_events",
     {"plan events with area, dimension, organizers and co-organizers (codes and names separated by |)",
      "мероприятия плана с направлением, измерением, организаторами и соорганизаторами (коды и названия через |)",
      "жоспар іс-шаралары бағытымен, өлшемімен, ұйымдастырушыларымен және бірлескен ұйымдастырушыларымен (кодтар мен атаулар | арқылы)"}},
    {"view.v_fx",
     {"fx rates: USD per unit and units per USD by date",
      "валютные курсы по датам: долларов США за единицу и единиц за доллар США",
      "күндер бойынша валюта бағамдары: бір бірлікке АҚШ доллары және бір АҚШ долларына бірліктер"}},
    {"view.v_secondments",
     {"seconded person-months per state and year",
      "прикомандированные человеко-месяцы по государствам и годам",
      "мемлекеттер мен жылдар бойынша іссапарға жіберілген адам-айлар"}},
    {"view.v_organization",
     {"the organisation's names, short names and signatory in three languages (the latest batch)",
      "полные и краткие названия организации и подписант на трёх языках (последняя загрузка)",
      "ұйымның толық және қысқа атаулары мен қол қоюшы үш тілде (соңғы жүктеме)"}},
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
