/*
 * i18n.c - every label a reader sees, in English, Russian and Kazakh.
 * One table, so that a translator reviews one file; a key missing in a
 * language falls back to English.  "{}" or "{1}" .. "{9}" mark where a
 * value goes: no printf formats in translated text.
 *
 * Terms follow UN usage: pledges are "объявленные взносы" (Kazakh
 * "жарияланған жарналар"), member states pay contributions and are never
 * "доноры".  Kazakh attaches case endings to numerals with a hyphen
 * ("2025-ке", "20-сы", "61,2 %-ға"): a placeholder "{2:dat}" puts the
 * value with the ending its last spoken word takes (see kk_suffix); the
 * other languages ignore the case.
 */
#include <glib.h>
#include <string.h>

#include "report.h"

struct label {
	const char *key;
	const char *text[3]; /* en, ru, kk */
};

/* clang-format off */
static const struct label labels[] = {
/* ---- the cover and the frame ---- */
{"forum", {"Secretariat", "Секретариат", "Хатшылық"}},
{"contents", {"Contents", "Содержание", "Мазмұны"}},
{"cover.small", {
 "Figures computed from the secretariat's records; last import on {}.",
 "Показатели рассчитаны по данным секретариата; последний импорт {}.",
 "Көрсеткіштер хатшылық деректері бойынша есептелді; соңғы импорт {}."}},
{"n/a", {"n/a", "н/д", "ж/о"}},
{"no_data", {"Nothing recorded for this period.",
 "За этот период данных нет.", "Бұл кезеңде деректер жоқ."}},
{"total", {"Total", "Итого", "Барлығы"}},
{"summary", {"Summary", "Основные показатели", "Негізгі көрсеткіштер"}},

/* ---- titles ---- */
{"annual.title", {"Annual report {}", "Годовой отчёт за {} год",
 "{} жылғы жылдық есеп"}},
{"annual.subtitle", {
 "Implementation of the plan of confidence-building measures and the budget of the Secretariat",
 "Выполнение плана мер доверия и бюджета Секретариата",
 "Сенім шаралары жоспарының және Хатшылық бюджетінің орындалуы"}},
{"budget.title", {"Budget {}: brief for the Special Working Group",
 "Бюджет на {} год: справка для Специальной рабочей группы",
 "{} жылғы бюджет: Арнайы жұмыс тобына анықтама"}},
{"budget.subtitle", {
 "Collection of voluntary contributions, the forecast, the budget against earlier years, and options",
 "Сбор добровольных взносов, прогноз, бюджет в сравнении с прошлыми годами и варианты",
 "Ерікті жарналардың жиналуы, болжам, бюджеттің өткен жылдармен салыстыруы және нұсқалар"}},
{"state.title", {"{}: statement", "{}: справка", "{}: анықтама"}},
{"state.subtitle", {
 "Contributions, pledges, seconded staff and events of {}",
 "Взносы, объявленные взносы, прикомандированные сотрудники и мероприятия: {}",
 "Жарналар, жарияланған жарналар, іссапарға жіберілген қызметкерлер және іс-шаралар: {}"}},

/* ---- key figures ---- */
{"kf.events", {"Events held / in the plan", "Проведено мероприятий / в плане",
 "Өткізілген іс-шаралар / жоспарда"}},
{"kf.collection", {"Collection rate", "Уровень сбора взносов",
 "Жарналардың жиналу деңгейі"}},
{"kf.received", {"Voluntary contributions received, {}",
 "Получено добровольных взносов, {}", "Түскен ерікті жарналар, {}"}},
{"kf.execution", {"Budget execution", "Исполнение бюджета",
 "Бюджеттің орындалуы"}},
{"kf.approved", {"Approved budget, {}", "Утверждённый бюджет, {}",
 "Бекітілген бюджет, {}"}},
{"kf.received_by", {"Received by {}", "Получено к {}",
 "{:dat} дейін түскені"}},
{"kf.rate_by", {"Collection rate on {}", "Уровень сбора на {}",
 "{} жағдай бойынша жиналу деңгейі"}},
{"kf.forecast", {"Forecast by 31 December, range {1} to {2}",
 "Прогноз на 31 декабря, диапазон от {1} до {2}",
 "31 желтоқсанға болжам, ауқымы {1:abl} {2:dat} дейін"}},
{"kf.forecast_none", {"Forecast by 31 December (no earlier year)",
 "Прогноз на 31 декабря (прошлых лет нет)",
 "31 желтоқсанға болжам (өткен жылдар жоқ)"}},
{"kf.contributed", {"Voluntary contributions, {}", "Добровольные взносы, {}",
 "Ерікті жарналар, {}"}},
{"kf.years_contributed", {"Years with a contribution", "Лет со взносом",
 "Жарна төленген жылдар"}},
{"kf.member_since", {"Member since", "Член с", "Мүше болған жылы"}},
{"kf.observer_since", {"Observer since", "Наблюдатель с", "Байқаушы болған жылы"}},
{"kf.events_organised", {"Events organised or co-organised",
 "Мероприятий организовано или соорганизовано",
 "Ұйымдастырылған немесе бірлесіп ұйымдастырылған іс-шаралар"}},

/* ---- the annual report ---- */
{"annual.highlights", {
 "In {1}, {2} of the {3} events of the plan were held, {4} postponed and {5} cancelled. Voluntary contributions received for the year came to {6}, {7} of the approved budget of {8}; {9} of the budget was spent.",
 "В {1} году из {3} мероприятий плана проведено {2}, перенесено {4}, отменено {5}. Добровольные взносы за год составили {6}, или {7} утверждённого бюджета в {8}; бюджет исполнен на {9}.",
 "{1} жылы жоспардағы {3} іс-шараның {2:poss} өткізілді, {4:poss} кейінге қалдырылды, {5:poss} болдырылмады. Жылға түскен ерікті жарналар {6} құрады, бұл бекітілген {8} бюджеттің {7:poss}; бюджет {9:dat} орындалды."}},
{"annual.intro", {
 "This report presents the implementation in {} of the annual plan of confidence-building measures adopted by the Senior Officials Committee, and the financing and execution of the budget of the Secretariat. Figures are in the report currency, each payment converted at the rate of its own date.",
 "В отчёте представлены выполнение в {} году ежегодного плана мер доверия, утверждённого Комитетом старших должностных лиц, а также финансирование и исполнение бюджета Секретариата. Суммы приведены в валюте отчёта; каждый платёж пересчитан по курсу на дату его поступления.",
 "Есепте Аға лауазымды тұлғалар комитеті бекіткен сенім шаралары жылдық жоспарының {} жылы орындалуы, сондай-ақ Хатшылық бюджетінің қаржыландырылуы мен орындалуы көрсетілген. Сомалар есеп валютасында; әр төлем түскен күнгі бағам бойынша қайта есептелген."}},
{"plan", {"Plan of implementation of CBMs", "План реализации мер доверия",
 "Сенім шараларын іске асыру жоспары"}},
{"plan.text", {
 "Every item of the year's plan counts as planned, whatever became of it; the implementation rate is the share held.",
 "Каждый пункт плана года учитывается как запланированный, независимо от итога; уровень выполнения — доля проведённых мероприятий.",
 "Жылдық жоспардың әр тармағы нәтижесіне қарамастан жоспарланған болып есептеледі; орындалу деңгейі — өткізілген іс-шаралар үлесі."}},
{"plan.by_dimension", {"By dimension", "По измерениям", "Өлшемдер бойынша"}},
{"plan.by_area", {"By priority area", "По приоритетным направлениям",
 "Басым бағыттар бойынша"}},
{"plan.by_format", {"Events held by format", "Проведённые мероприятия по формату",
 "Өткізілген іс-шаралар форматы бойынша"}},
{"plan.held_in", {"Held in {}", "Проведено в {} году", "{} жылы өткізілді"}},
{"plan.change", {"Change", "Изменение", "Өзгеріс"}},
{"plan.events", {"Events of the plan", "Мероприятия плана",
 "Жоспар іс-шаралары"}},
{"plan.calendar", {"Calendar of the year", "Календарь года",
 "Жыл күнтізбесі"}},
{"plan.undated", {
 "Events of the plan without dates in {}, not on the calendar:",
 "Мероприятия плана без дат в {} году (в календаре не показаны):",
 "{} жылы күндері белгіленбеген жоспар іс-шаралары (күнтізбеде көрсетілмеген):"}},
{"plan.added", {"Items added after the plan's adoption",
 "Пункты, включённые в план после его утверждения",
 "Жоспар бекітілгеннен кейін қосылған тармақтар"}},
{"plan.added.text", {
 "For each item, the day it was added to the plan and the member states at whose request.",
 "Для каждого пункта — дата включения в план и государства-члены, по просьбе которых он включён.",
 "Әр тармақ бойынша: жоспарға қосылған күні және қай мүше мемлекеттердің өтініші бойынша қосылғаны."}},
{"plan.added.none", {"No item was added to the plan after its adoption.",
 "После утверждения плана в него не включалось ни одного пункта.",
 "Жоспар бекітілгеннен кейін оған бірде-бір тармақ қосылған жоқ."}},
{"annual.added", {
 "Items added to the plan of {1} after its adoption: {2}.",
 "Пунктов, включённых в план на {1} год после его утверждения: {2}.",
 "{1} жылғы жоспар бекітілгеннен кейін қосылған тармақтар саны: {2}."}},
{"added_on", {"Added on", "Дата включения", "Қосылған күні"}},
{"requested_by", {"At the request of", "По просьбе", "Өтініш білдірген"}},
{"coord", {"Priority areas and their coordinators",
 "Приоритетные направления и их координаторы",
 "Басым бағыттар және олардың үйлестірушілері"}},
{"coord.text", {
 "Each priority area with the member state coordinating it and its co-coordinators in the year, and the events of the year's plan they organised in their area.",
 "Каждое приоритетное направление с координирующим его государством-членом и сокоординаторами в данном году, а также мероприятия плана года, организованные ими по своему направлению.",
 "Әр басым бағыт, оны осы жылы үйлестіретін мүше мемлекет пен бірлескен үйлестірушілер, сондай-ақ олар өз бағыты бойынша ұйымдастырған жоспар іс-шаралары."}},
{"coord.vacant_in", {
 "Without a coordinator in {1}: {2}.",
 "Без координатора в {1} году: {2}.",
 "{1} жылы үйлестірушісі жоқ бағыттар: {2}."}},
{"coord.none_vacant", {
 "Every priority area had a coordinator in {1}.",
 "В {1} году у каждого приоритетного направления был координатор.",
 "{1} жылы әр басым бағыттың үйлестірушісі болды."}},
{"coord.vacant", {"— vacant —", "— вакантно —", "— бос —"}},
{"years", {"Years", "Годы", "Жылдар"}},
{"coord.coordinator", {"Coordinator", "Координатор", "Үйлестіруші"}},
{"coord.co", {"Co-coordinators", "Сокоординаторы",
 "Бірлескен үйлестірушілер"}},
{"coord.organised", {"Events organised", "Организовано мероприятий",
 "Ұйымдастырылған іс-шаралар"}},
{"dimension", {"Dimension", "Измерение", "Өлшем"}},
{"area", {"Priority area", "Приоритетное направление", "Басым бағыт"}},
{"planned", {"In the plan", "В плане", "Жоспарда"}},
{"held", {"Held", "Проведено", "Өткізілді"}},
{"postponed", {"Postponed", "Перенесено", "Кейінге қалдырылды"}},
{"cancelled", {"Cancelled", "Отменено", "Болдырылмады"}},
{"implementation", {"Implementation", "Выполнение", "Орындалуы"}},
{"item", {"Item", "Пункт", "Тармақ"}},
{"title", {"Title", "Название", "Атауы"}},
{"organizers", {"Organizers", "Организаторы", "Ұйымдастырушылар"}},
{"status", {"Status", "Статус", "Мәртебесі"}},
{"role", {"Role", "Роль", "Рөлі"}},
{"status.planned", {"planned", "запланировано", "жоспарланған"}},
{"status.approved", {"approved", "утверждён", "бекітілген"}},
{"status.draft", {"draft", "проект", "жоба"}},
{"status.held", {"held", "проведено", "өткізілді"}},
{"status.postponed", {"postponed", "перенесено", "кейінге қалдырылды"}},
{"status.cancelled", {"cancelled", "отменено", "болдырылмады"}},
{"status.paid in full", {"paid in full", "оплачено полностью",
 "толық төленді"}},
{"status.in part", {"paid in part", "оплачено частично",
 "ішінара төленді"}},
{"status.nothing", {"pledged, nothing paid", "объявлено, не оплачено",
 "жарияланды, төленбеді"}},
{"status.no pledge", {"paid, no pledge", "оплачено без объявления",
 "жарияламай төленді"}},
{"status.none", {"no pledge, nothing paid", "не объявлено, не оплачено",
 "жарияланбады, төленбеді"}},
{"role.organizer", {"organizer", "организатор", "ұйымдастырушы"}},
{"role.co-organizer", {"co-organizer", "соорганизатор",
 "бірлескен ұйымдастырушы"}},
{"role.coordinator", {"coordinator", "координатор", "үйлестіруші"}},
{"role.co-coordinator", {"co-coordinator", "сокоординатор",
 "бірлескен үйлестіруші"}},
{"role.vacant", {"vacant", "вакантно", "бос"}},
{"format.in-person", {"in person", "очно", "күндізгі"}},
{"format.virtual", {"virtual", "онлайн", "онлайн"}},
{"format.hybrid", {"hybrid", "гибридно", "аралас"}},
{"format.unknown", {"not stated", "не указан", "көрсетілмеген"}},
{"venue.unknown", {"not stated", "не указано", "көрсетілмеген"}},
{"dimension.military-political", {"Military-political dimension",
 "Военно-политическое измерение", "Әскери-саяси өлшем"}},
{"dimension.new-challenges", {"New challenges and threats",
 "Новые вызовы и угрозы", "Жаңа сын-қатерлер мен қауіптер"}},
{"dimension.economic", {"Economic dimension", "Экономическое измерение",
 "Экономикалық өлшем"}},
{"dimension.environmental", {"Environmental dimension",
 "Экологическое измерение", "Экологиялық өлшем"}},
{"dimension.human", {"Human dimension", "Человеческое измерение",
 "Адами өлшем"}},
{"finance", {"The budget and its financing", "Бюджет и его финансирование",
 "Бюджет және оны қаржыландыру"}},
{"finance.text", {
 "The budget of the Secretariat is financed by voluntary contributions of member states. The collection rate of a budget year is what was received for it divided by its approved budget.",
 "Бюджет Секретариата финансируется за счёт добровольных взносов государств-членов. Уровень сбора за бюджетный год — поступления за этот год, делённые на его утверждённый бюджет.",
 "Хатшылық бюджеті мүше мемлекеттердің ерікті жарналарымен қаржыландырылады. Бюджет жылының жиналу деңгейі — сол жылға түскен соманың бекітілген бюджетке қатынасы."}},
{"finance.collection", {"Collection of voluntary contributions",
 "Сбор добровольных взносов", "Ерікті жарналардың жиналуы"}},
{"finance.by_state", {"Contributions by state", "Взносы по государствам",
 "Мемлекеттер бойынша жарналар"}},
{"finance.pledges", {"Pledges and payments of the member states",
 "Объявленные взносы и платежи государств-членов",
 "Мүше мемлекеттердің жарияланған жарналары мен төлемдері"}},
{"finance.pledges.text", {
 "Every member state, whether it pledged or paid; observer states when they pledged or paid.",
 "Все государства-члены, объявили они взнос или нет; государства-наблюдатели — если объявили или внесли взнос.",
 "Барлық мүше мемлекеттер, жарна жариялаған-жарияламағанына қарамастан; бақылаушы мемлекеттер — жарна жариялаған немесе төлеген жағдайда."}},
{"finance.execution", {"Budget execution", "Исполнение бюджета",
 "Бюджеттің орындалуы"}},
{"year", {"Year", "Год", "Жыл"}},
{"approved", {"Approved", "Утверждено", "Бекітілді"}},
{"received", {"Received", "Получено", "Түсті"}},
{"collection_rate", {"Collection", "Сбор", "Жиналуы"}},
{"pledged", {"Pledged", "Объявлено", "Жарияланды"}},
{"fulfilment", {"Pledges paid", "Оплата объявленных взносов",
 "Жарияланған жарналардың төленуі"}},
{"state", {"State", "Государство", "Мемлекет"}},
{"share", {"Share", "Доля", "Үлесі"}},
{"share_of_year", {"Share of the year", "Доля в году", "Жылдағы үлесі"}},
{"outstanding", {"Outstanding", "Задолженность", "Берешек"}},
{"pledge_status", {"Status", "Статус", "Мәртебесі"}},
{"budget_line", {"Budget line", "Статья бюджета", "Бюджет бабы"}},
{"spent", {"Spent", "Израсходовано", "Жұмсалды"}},
{"execution_rate", {"Execution", "Исполнение", "Орындалуы"}},
{"remaining", {"Remaining", "Остаток", "Қалдық"}},
{"history", {"Contributions over the years", "Взносы по годам",
 "Жылдар бойынша жарналар"}},
{"history.text", {
 "Voluntary contributions received for each budget year since the first, the states that contributed most shown by name.",
 "Добровольные взносы, полученные за каждый бюджетный год с первого; государства с наибольшими взносами названы поимённо.",
 "Алғашқы жылдан бері әр бюджет жылына түскен ерікті жарналар; ең көп жарна төлеген мемлекеттер атаулы көрсетілген."}},
{"hr", {"Seconded staff", "Прикомандированные сотрудники",
 "Іссапарға жіберілген қызметкерлер"}},
{"hr.text", {
 "Member states also contribute human resources: diplomats seconded to the Secretariat, counted in person-months.",
 "Государства-члены также вносят вклад кадрами: дипломатами, прикомандированными к Секретариату, в человеко-месяцах.",
 "Мүше мемлекеттер кадрлармен де үлес қосады: Хатшылыққа іссапарға жіберілген дипломаттар, адам-айлармен есептеледі."}},
{"person_months", {"Person-months", "Человеко-месяцы", "Адам-айлар"}},

/* ---- sources ---- */
{"sources", {"Sources", "Источники", "Дереккөздер"}},
{"sources.text", {
 "The figures of this report come from these imported files (batches), identified by their SHA-256 checksum.",
 "Показатели отчёта получены из следующих импортированных файлов (пакетов), идентифицируемых контрольной суммой SHA-256.",
 "Есеп көрсеткіштері келесі импортталған файлдардан (топтамалардан) алынды, олар SHA-256 бақылау сомасымен анықталады."}},
{"src.batch", {"Batch", "Пакет", "Топтама"}},
{"src.kind", {"Kind", "Вид", "Түрі"}},
{"src.file", {"File", "Файл", "Файл"}},
{"src.rows", {"Rows", "Строк", "Жолдар"}},
{"src.loaded", {"Loaded", "Загружен", "Жүктелді"}},
{"src.sha", {"Checksum", "Контрольная сумма", "Бақылау сомасы"}},
{"kind.states", {"States", "Государства", "Мемлекеттер"}},
{"kind.areas", {"Priority areas", "Приоритетные направления",
 "Басым бағыттар"}},
{"kind.coordinators", {"Coordinators", "Координаторы", "Үйлестірушілер"}},
{"kind.plan", {"Plan of CBMs", "План мер доверия",
 "Сенім шаралары жоспары"}},
{"kind.contributions", {"Contributions", "Взносы", "Жарналар"}},
{"kind.pledges", {"Pledges", "Объявленные взносы", "Жарияланған жарналар"}},
{"kind.budget", {"Budget", "Бюджет", "Бюджет"}},
{"kind.fx", {"Exchange rates", "Курсы валют", "Валюта бағамдары"}},
{"kind.secondments", {"Secondments", "Прикомандирование",
 "Іссапарға жіберу"}},
{"kind.scale", {"Contribution scale", "Шкала взносов", "Жарналар шкаласы"}},
{"kind.organization", {"Organisation", "Организация", "Ұйым"}},

/* ---- the budget brief ---- */
{"budget.highlights", {
 "By {1}, {2} had been received for {3}, {4} of the approved budget of {5}. A year earlier, on the same day, the rate was {6}.",
 "К {1} за {3} год поступило {2}, или {4} утверждённого бюджета в {5}. Годом ранее на тот же день уровень сбора составлял {6}.",
 "{1:dat} дейін {3} жылға {2} түсті, бұл бекітілген {5} бюджеттің {4:poss}. Бір жыл бұрын сол күні жиналу деңгейі {6} болды."}},
{"budget.intro", {
 "Figures are as of {}: what was received by that day, against what earlier years had received by the same day.",
 "Данные приведены на {}: поступления к этому дню в сравнении с поступлениями прошлых лет к тому же дню.",
 "Деректер {} жағдай бойынша: осы күнге дейінгі түсім өткен жылдардың сол күнге дейінгі түсімімен салыстырылады."}},
{"budget.inyear", {
 "By 31 December the collection rate of {1} is forecast at {2}, between {3} and {4}: the {5} it stood at on {6}, plus what each of the {7} earlier years with an approved budget still received from that calendar day to its end (their mean, least and most).",
 "На 31 декабря уровень сбора за {1} год прогнозируется на уровне {2}, в пределах от {3} до {4}: {5} на {6} плюс то, что каждый из {7} предыдущих лет с утверждённым бюджетом ещё получил с того же календарного дня до конца года (в среднем, наименьшее и наибольшее).",
 "31 желтоқсанға қарай {1} жылғы жиналу деңгейі {2} деп болжанады, {3:abl} {4:dat} дейін: {6} жағдай бойынша {5} және бекітілген бюджеті бар өткен {7} жылдың әрқайсысы сол күнтізбелік күннен жыл соңына дейін қосымша алған үлес (орташа, ең аз және ең көп)."}},
{"budget.inyear.none", {
 "There is no earlier year with an approved budget: no forecast from the year's position.",
 "Предыдущих лет с утверждённым бюджетом нет: прогноз от положения года невозможен.",
 "Бекітілген бюджеті бар өткен жылдар жоқ: жылдың жағдайынан болжам жасау мүмкін емес."}},
{"budget.forecast", {
 "On the trend of finished years the collection rate of {1} is forecast at {2} (95\u00a0% interval {3} to {4}); it does not know where the year stands.",
 "По тренду завершённых лет уровень сбора за {1} год прогнозируется на уровне {2} (95\u00a0% интервал от {3} до {4}); тренд не учитывает положение текущего года.",
 "Аяқталған жылдар үрдісі бойынша {1} жылғы жиналу деңгейі {2} деп болжанады (95\u00a0% аралығы {3:abl} {4:dat} дейін); үрдіс ағымдағы жылдың жағдайын ескермейді."}},
{"budget.collection", {"Collection as of {}", "Сбор взносов на {}",
 "{} жағдай бойынша жарналардың жиналуы"}},
{"budget.collection.text", {"Each year as of the same calendar day.",
 "Каждый год — на тот же календарный день.",
 "Әр жыл — сол күнтізбелік күнге."}},
{"as_of", {"As of", "На дату", "Күні"}},
{"budget.budget", {"The budget against earlier years",
 "Бюджет в сравнении с прошлыми годами",
 "Бюджет өткен жылдармен салыстырғанда"}},
{"budget.by_line.text", {
 "Approved budget per line; under each amount, the change from the year before.",
 "Утверждённый бюджет по статьям; под каждой суммой — изменение по сравнению с предыдущим годом.",
 "Баптар бойынша бекітілген бюджет; әр соманың астында — алдыңғы жылмен салыстырғандағы өзгеріс."}},
{"budget.next.draft", {"Draft budget {1} against {2}",
 "Проект бюджета на {1} год в сравнении с {2} годом",
 "{1} жылғы бюджет жобасы {2} жылмен салыстырғанда"}},
{"budget.next.approved", {"Budget {1} against {2}",
 "Бюджет на {1} год в сравнении с {2} годом",
 "{1} жылғы бюджет {2} жылмен салыстырғанда"}},
{"budget.next.text", {
 "A draft is not an approved budget: it enters no collection rate until it is approved.",
 "Проект не является утверждённым бюджетом: до утверждения он не входит ни в один уровень сбора.",
 "Жоба бекітілген бюджет емес: бекітілгенге дейін ол ешбір жиналу деңгейіне кірмейді."}},
{"budget.execution_last", {"Execution of the budget {}",
 "Исполнение бюджета за {} год", "{} жылғы бюджеттің орындалуы"}},
{"draft", {"Draft", "Проект", "Жоба"}},
{"change", {"Change", "Изменение", "Өзгеріс"}},
{"change_pct", {"Change,\u00a0%", "Изменение,\u00a0%", "Өзгеріс,\u00a0%"}},
{"budget.contributors", {"Who contributed what", "Кто и сколько внёс",
 "Кім қанша үлес қосты"}},
{"budget.pledges", {"Pledges and payments for {1}, as of {2}",
 "Объявленные взносы и платежи за {1} год на {2}",
 "{1} жылғы жарияланған жарналар мен төлемдер, {2} жағдай бойынша"}},
{"budget.earlier", {"Pledges outstanding from earlier years",
 "Задолженность по объявленным взносам прошлых лет",
 "Өткен жылдардың жарияланған жарналары бойынша берешек"}},
{"budget.earlier.none", {
 "Every pledge of earlier years has been paid in full.",
 "Все объявленные взносы прошлых лет оплачены полностью.",
 "Өткен жылдардың барлық жарияланған жарналары толық төленді."}},
{"budget.concentration", {"Concentration of contributions",
 "Концентрация взносов", "Жарналардың шоғырлануы"}},
{"budget.concentration.note", {
 "Top shares: the part of a year's contributions paid by the 1, 3 and 5 states that paid most. HHI, the Herfindahl-Hirschman index: the sum of squared shares (1 when one state pays all). Gini: 0 when all pay alike.",
 "Доли лидеров: часть взносов года, внесённая 1, 3 и 5 государствами с наибольшими взносами. ИХХ, индекс Херфиндаля — Хиршмана: сумма квадратов долей (1, если платит одно государство). Джини: 0, если все платят поровну.",
 "Көшбасшылар үлесі: жылдық жарналардың ең көп төлеген 1, 3 және 5 мемлекет төлеген бөлігі. ХХИ, Херфиндаль — Хиршман индексі: үлестер квадраттарының қосындысы (бір мемлекет бәрін төлесе, 1). Джини: бәрі тең төлесе, 0."}},
{"contributors", {"States paying", "Государств со взносом",
 "Жарна төлеген мемлекеттер"}},
{"top1", {"Top 1", "Первое", "Бірінші"}},
{"top3", {"Top 3", "Первые 3", "Алғашқы 3"}},
{"top5", {"Top 5", "Первые 5", "Алғашқы 5"}},
{"hhi", {"HHI", "ИХХ", "ХХИ"}},
{"gini", {"Gini", "Джини", "Джини"}},
{"budget.shares", {"If contributions were shares",
 "Если бы взносы были долевыми", "Егер жарналар үлестік болса"}},
{"budget.shares.equal.approved", {
 "What each member state would owe if the approved budget of {1} were split equally among the member states, against what it paid for {1}.",
 "Сколько было бы должно каждое государство-член при равном распределении утверждённого бюджета на {1} год между государствами-членами, в сравнении с внесённым за {1} год.",
 "{1} жылғы бекітілген бюджет мүше мемлекеттер арасында тең бөлінсе, әр мүше мемлекет қанша төлеуі тиіс еді және {1} жылға іс жүзінде қанша төледі."}},
{"budget.shares.equal.draft", {
 "What each member state would owe if the draft budget of {1} (not yet approved) were split equally among the member states.",
 "Сколько было бы должно каждое государство-член при равном распределении проекта бюджета на {1} год (ещё не утверждённого) между государствами-членами.",
 "{1} жылғы бюджет жобасы (әлі бекітілмеген) мүше мемлекеттер арасында тең бөлінсе, әр мүше мемлекет қанша төлеуі тиіс еді."}},
{"budget.shares.scale.approved", {
 "What each state would owe for the approved budget of {1} under the scale '{2}', against what it paid for {1}.",
 "Сколько было бы должно каждое государство по шкале «{2}» от утверждённого бюджета на {1} год, в сравнении с внесённым за {1} год.",
 "«{2}» шкаласы бойынша {1} жылғы бекітілген бюджеттен әр мемлекет қанша төлеуі тиіс еді және {1} жылға іс жүзінде қанша төледі."}},
{"budget.shares.scale.draft", {
 "What each state would owe for the draft budget of {1} (not yet approved) under the scale '{2}'.",
 "Сколько было бы должно каждое государство по шкале «{2}» от проекта бюджета на {1} год (ещё не утверждённого).",
 "«{2}» шкаласы бойынша {1} жылғы бюджет жобасынан (әлі бекітілмеген) әр мемлекет қанша төлеуі тиіс еді."}},
{"due", {"Due", "Причитается", "Тиесілі"}},
{"difference", {"Difference", "Разница", "Айырма"}},

/* ---- a state's statement ---- */
{"state.intro", {
 "This statement lists the contributions of {} (voluntary, earmarked and in kind), its pledges and how they were paid, the staff it seconded to the Secretariat and the events of the annual plans it organised or co-organised.",
 "В справке приведены взносы государства {} (добровольные, целевые и в натуральной форме), его объявленные взносы и их оплата, сотрудники, прикомандированные к Секретариату, и мероприятия ежегодных планов, которые оно организовало или соорганизовало.",
 "Анықтамада {} жарналары (ерікті, мақсатты және заттай), жарияланған жарналары және олардың төленуі, Хатшылыққа іссапарға жіберілген қызметкерлері және ол ұйымдастырған немесе бірлесіп ұйымдастырған жылдық жоспар іс-шаралары берілген."}},
{"state.contributions", {"Contributions", "Взносы", "Жарналар"}},
{"state.voluntary", {"Voluntary contributions", "Добровольные взносы",
 "Ерікті жарналар"}},
{"state.earmarked", {"Earmarked contributions", "Целевые взносы",
 "Мақсатты жарналар"}},
{"state.in_kind", {"Contributions in kind",
 "Взносы в натуральной форме", "Заттай жарналар"}},
{"state.pledges", {"Pledges and payments", "Объявленные взносы и платежи",
 "Жарияланған жарналар мен төлемдер"}},
{"state.events", {"Events organised", "Организованные мероприятия",
 "Ұйымдастырылған іс-шаралар"}},
{"state.coordinates", {"Priority areas coordinated",
 "Координируемые приоритетные направления",
 "Үйлестіретін басым бағыттары"}},
{"state.coordinates.none", {
 "The state coordinated no priority area in these years.",
 "В эти годы государство не координировало ни одного приоритетного направления.",
 "Бұл жылдары мемлекет бірде-бір басым бағытты үйлестірмеді."}},
{"members_median", {"Members' median", "Медиана государств-членов",
 "Мүше мемлекеттер медианасы"}},
{"state_years.title", {"{}: voluntary contributions by year",
 "{}: добровольные взносы по годам",
 "{}: жылдар бойынша ерікті жарналар"}},
{"state_years.subtitle", {
 "Beside the median of the member states that contributed that year, {}",
 "В сравнении с медианой государств-членов, внёсших взнос в том году, {}",
 "Сол жылы жарна төлеген мүше мемлекеттер медианасымен салыстырғанда, {}"}},

/* ---- charts ---- */
{"others", {"Others", "Прочие", "Басқалары"}},
{"contributions.title", {"Voluntary contributions by state, {}",
 "Добровольные взносы по государствам, {}",
 "Мемлекеттер бойынша ерікті жарналар, {}"}},
{"contributions.subtitle", {"Received for the budget year, {}",
 "Поступило за бюджетный год, {}", "Бюджет жылына түскені, {}"}},
{"history.title", {"Voluntary contributions by year and state",
 "Добровольные взносы по годам и государствам",
 "Жылдар мен мемлекеттер бойынша ерікті жарналар"}},
{"history.subtitle", {"Received for each budget year, {}",
 "Поступило за каждый бюджетный год, {}", "Әр бюджет жылына түскені, {}"}},
{"collection.title", {"Collection rate of voluntary contributions",
 "Уровень сбора добровольных взносов",
 "Ерікті жарналардың жиналу деңгейі"}},
{"collection.subtitle", {"Received / approved budget, with the forecast for {}",
 "Поступления / утверждённый бюджет, с прогнозом на {} год",
 "Түсім / бекітілген бюджет, {} жылға болжаммен"}},
{"collection.subtitle_short", {"Received / approved budget",
 "Поступления / утверждённый бюджет", "Түсім / бекітілген бюджет"}},
{"collection.rate", {"Collection rate", "Уровень сбора", "Жиналу деңгейі"}},
{"collection.so_far", {"{1} as of {2}", "{1} год на {2}",
 "{1} жыл, {2} жағдай бойынша"}},
{"collection.inyear", {"Forecast by 31 December",
 "Прогноз на 31 декабря", "31 желтоқсанға болжам"}},
{"collection.inyear_band", {"Range of earlier years' gains",
 "Диапазон прироста прошлых лет", "Өткен жылдар өсімінің ауқымы"}},
{"collection.trend", {"Trend of finished years",
 "Тренд завершённых лет", "Аяқталған жылдар үрдісі"}},
{"interval95", {"95\u00a0% interval of the trend", "95\u00a0% интервал тренда",
 "Үрдістің 95\u00a0% аралығы"}},
{"curve.title", {"Cumulative collection, {}", "Накопленный сбор взносов, {}",
 "Жарналардың жинақталған түсімі, {}"}},
{"curve.subtitle", {"Share of the approved budget received by each day",
 "Доля утверждённого бюджета, полученная к каждому дню",
 "Әр күнге дейін түскен бекітілген бюджет үлесі"}},
{"curve.mean", {"Mean of earlier years", "Среднее за прошлые годы",
 "Өткен жылдардың орташасы"}},
{"curve.range", {"Range of earlier years", "Диапазон прошлых лет",
 "Өткен жылдардың ауқымы"}},
{"curve.even", {"Even pace", "Равномерный темп", "Біркелкі қарқын"}},
{"activity.title", {"Events held by priority area and year",
 "Проведённые мероприятия по приоритетным направлениям и годам",
 "Басым бағыттар мен жылдар бойынша өткізілген іс-шаралар"}},
{"activity.subtitle", {
 "Events of the annual plans held; grey: nothing in that year's plan",
 "Проведено мероприятий плана; серым: в плане года ничего не было",
 "Жоспардағы өткізілген іс-шаралар; сұр: сол жылғы жоспарда ештеңе болмаған"}},
{"calendar.title", {"Calendar of events, {}", "Календарь мероприятий на {} год",
 "{} жылғы іс-шаралар күнтізбесі"}},
{"calendar.subtitle", {
 "Each event from its first to its last day, by priority area and status",
 "Каждое мероприятие — с первого по последний день, по приоритетным направлениям и статусу",
 "Әр іс-шара бірінші күнінен соңғы күніне дейін, басым бағыттар мен мәртебесі бойынша"}},
{"calendar.planned", {"Planned", "Запланировано", "Жоспарланған"}},
{"calendar.undated_note", {
 "not on the calendar, without dates in {1}: items {2}",
 "нет в календаре, без дат в {1} году: пункты {2}",
 "күнтізбеде жоқ, {1} жылы күндері белгіленбеген: тармақтар {2}"}},
/* ---- figures as tables and workbooks (cbm stats, export) ---- */
{"col.year", {"Year", "Год", "Жыл"}},
{"col.approved",
 {"Approved budget", "Утверждённый бюджет", "Бекітілген бюджет"}},
{"col.received", {"Received", "Получено", "Түсті"}},
{"col.collection_rate",
 {"Collection rate", "Уровень сбора", "Жиналу деңгейі"}},
{"col.pledged", {"Pledged", "Обещано", "Міндеттелді"}},
{"col.pledge_fulfilment",
 {"Pledges paid", "Выполнение обязательств",
  "Міндеттемелердің орындалуы"}},
{"col.as_of", {"As of", "На дату", "Күні"}},
{"col.state", {"State", "Государство", "Мемлекет"}},
{"col.share", {"Share", "Доля", "Үлесі"}},
{"col.name", {"Name", "Название", "Атауы"}},
{"col.outstanding", {"Outstanding", "Задолженность", "Берешек"}},
{"col.status", {"Status", "Статус", "Мәртебесі"}},
{"col.line", {"Budget line", "Статья бюджета", "Бюджет бабы"}},
{"col.spent", {"Spent", "Израсходовано", "Жұмсалды"}},
{"col.execution_rate",
 {"Execution rate", "Уровень исполнения", "Орындалу деңгейі"}},
{"col.remaining", {"Remaining", "Остаток", "Қалдық"}},
{"col.title", {"Title", "Название", "Атауы"}},
{"col.key.area",
 {"Priority area", "Приоритетное направление", "Басым бағыт"}},
{"col.key.dimension", {"Dimension", "Измерение", "Өлшем"}},
{"col.key.format", {"Format", "Формат", "Өткізу форматы"}},
{"col.key.venue", {"Venue", "Место проведения", "Өткізілетін орны"}},
{"col.dimension", {"Dimension", "Измерение", "Өлшем"}},
{"col.area", {"Area code", "Код направления", "Бағыт коды"}},
{"col.area_name",
 {"Priority area", "Приоритетное направление", "Басым бағыт"}},
{"col.role", {"Role", "Роль", "Рөлі"}},
{"col.organised",
 {"Organised in its area", "Организовано по направлению",
  "Өз бағыты бойынша ұйымдастырылды"}},
{"col.key.organizer",
 {"Organizer", "Организатор", "Ұйымдастырушы"}},
{"col.planned", {"In the plan", "В плане", "Жоспарда"}},
{"col.held", {"Held", "Проведено", "Өткізілді"}},
{"col.postponed", {"Postponed", "Перенесено", "Кейінге қалдырылды"}},
{"col.cancelled", {"Cancelled", "Отменено", "Болдырылмады"}},
{"col.implementation_rate",
 {"Implementation rate", "Уровень выполнения", "Орындалу деңгейі"}},
{"col.pending",
 {"Still planned", "Ещё запланировано", "Әлі жоспарланған"}},
{"col.contributors", {"Contributors", "Доноры", "Төлеушілер"}},
{"col.top1_share",
 {"Share of the top 1", "Доля топ-1", "Үздік 1 үлесі"}},
{"col.top3_share",
 {"Share of the top 3", "Доля топ-3", "Үздік 3 үлесі"}},
{"col.top5_share",
 {"Share of the top 5", "Доля топ-5", "Үздік 5 үлесі"}},
{"col.hhi", {"HHI", "HHI", "HHI"}},
{"col.gini", {"Gini", "Джини", "Джини"}},
{"col.next_year", {"Next year", "Следующий год", "Келесі жыл"}},
{"col.slope",
 {"Slope per year", "Наклон за год", "Жылдық көлбеу"}},
{"col.intercept", {"Intercept", "Свободный член", "Бос мүше"}},
{"col.slope_se",
 {"Standard error of the slope", "Стандартная ошибка наклона",
  "Көлбеудің стандартты қатесі"}},
{"col.forecast", {"Forecast", "Прогноз", "Болжам"}},
{"col.lo95",
 {"95 % interval, low", "95 % интервал, нижняя граница",
  "95 % аралық, төменгі шегі"}},
{"col.hi95",
 {"95 % interval, high", "95 % интервал, верхняя граница",
  "95 % аралық, жоғарғы шегі"}},
{"col.cagr",
 {"Compound annual growth", "Среднегодовой рост",
  "Орташа жылдық өсім"}},
{"col.from", {"From", "С", "Бастап"}},
{"col.to", {"To", "По", "Дейін"}},
{"col.years", {"Years", "Лет", "Жылдар"}},
{"col.due", {"Due", "Причитается", "Тиесілі"}},
{"col.difference", {"Difference", "Разница", "Айырма"}},
{"col.budget", {"Budget", "Бюджет", "Бюджет"}},
{"col.person_months",
 {"Person-months", "Человеко-месяцы", "Адам-айлар"}},
{"col.day", {"Day", "День", "Күн"}},
{"col.cumulative",
 {"Received to date", "Получено нарастающим итогом",
  "Жинақталған түсім"}},
{"col.rate", {"Collection rate", "Уровень сбора", "Жиналу деңгейі"}},
{"col.mean_rate",
 {"Mean of earlier years", "Среднее прошлых лет",
  "Өткен жылдардың орташасы"}},
{"col.min_rate",
 {"Lowest of earlier years", "Минимум прошлых лет",
  "Өткен жылдардың ең төмені"}},
{"col.max_rate",
 {"Highest of earlier years", "Максимум прошлых лет",
  "Өткен жылдардың ең жоғарысы"}},
{"col.even_pace",
 {"Even pace", "Равномерный темп", "Біркелкі қарқын"}},
{"col.date", {"Date", "Дата", "Күні"}},
{"col.earlier_years",
 {"Earlier years", "Прошлых лет", "Өткен жылдар"}},
{"col.low", {"Low", "Минимум", "Төменгі"}},
{"col.high", {"High", "Максимум", "Жоғарғы"}},
{"col.currency", {"Currency", "Валюта", "Валюта"}},
{"amounts_in", {"amounts in {}", "суммы в {}", "сомалар {} бойынша"}},
{"col.batch", {"Batch", "Пакет", "Топтама"}},
{"col.kind", {"Kind", "Вид", "Түрі"}},
{"col.file", {"File", "Файл", "Файл"}},
{"col.sheet", {"Sheet", "Лист", "Парақ"}},
{"col.rows", {"Rows", "Строк", "Жолдар"}},
{"col.loaded", {"Loaded", "Загружен", "Жүктелді"}},
{"col.sha256", {"SHA-256", "SHA-256", "SHA-256"}},
{"col.version", {"cbm version", "Версия cbm", "cbm нұсқасы"}},
{"col.user", {"User", "Пользователь", "Пайдаланушы"}},
{"col.mapping", {"Mapping", "Сопоставление", "Сәйкестендіру"}},
{"sheet.readme", {"Read me", "Пояснения", "Түсініктеме"}},
{"sheet.collection",
 {"Collection", "Сбор взносов", "Жарналардың жиналуы"}},
{"sheet.contributions", {"Contributions", "Взносы", "Жарналар"}},
{"sheet.outstanding",
 {"Pledges", "Обязательства", "Міндеттемелер"}},
{"sheet.execution",
 {"Budget execution", "Исполнение бюджета", "Бюджеттің орындалуы"}},
{"sheet.activity_area",
 {"Activity by area", "Мероприятия по направлениям",
  "Бағыттар бойынша іс-шаралар"}},
{"sheet.activity_dimension",
 {"Activity by dimension", "Мероприятия по измерениям",
  "Өлшемдер бойынша іс-шаралар"}},
{"sheet.activity_organizer",
 {"Activity by organizer", "Мероприятия по организаторам",
  "Ұйымдастырушылар іс-шаралары"}},
{"sheet.activity_format",
 {"Activity by format", "Мероприятия по формату",
  "Формат бойынша іс-шаралар"}},
{"sheet.activity_venue",
 {"Activity by venue", "Мероприятия по месту проведения",
  "Өткізу орны бойынша іс-шаралар"}},
{"sheet.coordinators",
 {"Coordinators", "Координаторы", "Үйлестірушілер"}},
{"sheet.concentration",
 {"Concentration", "Концентрация", "Шоғырлану"}},
{"sheet.trend", {"Trend", "Тренд", "Үрдіс"}},
{"sheet.forecast", {"Forecast", "Прогноз", "Болжам"}},
{"sheet.shares", {"Shares {}", "Доли {}", "Үлестер {}"}},
{"sheet.secondments",
 {"Secondments", "Прикомандирование", "Іссапарлар"}},
{"sheet.curve",
 {"Curve {}", "Кривая сбора {}", "Жиналу қисығы {}"}},
{"sheet.sources", {"Sources", "Источники", "Дереккөздер"}},
{"sheet.query", {"Query", "Запрос", "Сұрау"}},
{"readme.title",
 {"Figures of the CBM plan and budget",
  "Показатели плана мер доверия и бюджета",
  "Сенім шаралары жоспары мен бюджетінің көрсеткіштері"}},
{"readme.made_by", {"Made by", "Создано", "Жасаған"}},
{"readme.made_on", {"Made on", "Дата создания", "Жасалған күні"}},
{"readme.database", {"Database", "База данных", "Дерекқор"}},
{"readme.currency",
 {"Currency of amounts", "Валюта сумм", "Сомалар валютасы"}},
{"readme.basis",
 {"Contributions counted", "Учитываемые взносы",
  "Есепке алынатын жарналар"}},
{"basis.voluntary", {"voluntary", "добровольные", "ерікті"}},
{"basis.earmarked", {"earmarked", "целевые", "мақсатты"}},
{"basis.in-kind", {"in kind", "в натуральной форме", "заттай"}},
{"basis.all", {"all kinds", "все виды", "барлық түрлері"}},
{"readme.years", {"Years", "Годы", "Жылдар"}},
{"readme.all_years",
 {"every year in the database", "все годы в базе данных",
  "дерекқордағы барлық жылдар"}},
{"readme.as_of", {"As of", "На дату", "Күні"}},
{"readme.state", {"State", "Государство", "Мемлекет"}},
{"readme.sheet", {"Sheet", "Лист", "Парақ"}},
{"readme.definition",
 {"What it shows", "Что показывает", "Не көрсетеді"}},
{"readme.notes", {"Notes", "Примечания", "Ескертпелер"}},
{"readme.notes.text",
 {"Amounts are converted into the currency at the rate of each payment's own date. Rates and shares are fractions shown as percent. An empty cell is a value that is not defined (n/a). Totals follow a table after a blank row, outside its filter.",
  "Суммы пересчитаны в валюту по курсу на дату каждого платежа. Уровни и доли — дроби в процентном формате. Пустая ячейка — значение не определено (н/д). Итоги идут после таблицы через пустую строку, вне фильтра.",
  "Сомалар валютаға әр төлемнің өз күнгі бағамы бойынша қайта есептелген. Деңгейлер мен үлестер — пайыздық пішімдегі бөлшектер. Бос ұяшық — мәні анықталмаған (ж/о). Қорытындылар кестеден кейін бос жолдан соң, сүзгіден тыс берілген."}},
{"readme.notes.query",
 {"A query's values are as the database holds them: money prints with its currency's decimals; the *_usd columns of the documented views are US dollars at the rate of each payment's own date. An empty cell is an empty (NULL) value.",
  "Значения запроса — как они хранятся в базе данных: суммы выводятся с десятичными знаками своей валюты; столбцы *_usd документированных представлений — доллары США по курсу на дату каждого платежа. Пустая ячейка — пустое значение (NULL).",
  "Сұрау мәндері дерекқорда сақталғандай: сомалар өз валютасының ондық таңбаларымен шығады; құжатталған көріністердің *_usd бағандары — әр төлемнің өз күнгі бағамы бойынша АҚШ доллары. Бос ұяшық — бос мән (NULL)."}},
{"readme.keywords",
 {"CBM, budget, voluntary contributions, cbm",
  "меры доверия, бюджет, добровольные взносы, cbm",
  "сенім шаралары, бюджет, ерікті жарналар, cbm"}},
{"readme.years_of", {"years {}", "годы {}", "жылдар {}"}},
{"readme.skipped",
 {"Not in this workbook: {}", "Нет в этой книге: {}",
  "Бұл кітапта жоқ: {}"}},
{"def.collection",
 {"Per budget year: the approved budget, the voluntary contributions received for the year and the collection rate (received / approved); pledges and the part of them paid (sum of min(received, pledged) / sum pledged).",
  "По бюджетным годам: утверждённый бюджет, добровольные взносы, полученные за год, и уровень сбора (получено / утверждено); обязательства и доля их выполнения (сумма min(получено, обещано) / сумма обещанного).",
  "Бюджет жылдары бойынша: бекітілген бюджет, жылға түскен ерікті жарналар және жиналу деңгейі (түскені / бекітілгені); міндеттемелер және олардың орындалған бөлігі (min(түскені, міндеттелгені) қосындысы / міндеттелгені қосындысы)."}},
{"def.collection_as_of",
 {"Only what was received by the same calendar day of each year as the as-of date counts.",
  "Учитывается только полученное к тому же календарному дню каждого года, что и дата отчёта.",
  "Әр жылдың есеп күнімен бірдей күнтізбелік күнге дейін түскені ғана есептеледі."}},
{"def.contributions",
 {"Per budget year and state: the contributions received for the year and their share of the year's total.",
  "По бюджетным годам и государствам: полученные за год взносы и их доля в итоге года.",
  "Бюджет жылдары мен мемлекеттер бойынша: жылға түскен жарналар және олардың жыл қорытындысындағы үлесі."}},
{"def.outstanding",
 {"Per budget year and state: pledged, received and outstanding = max(0, pledged - received); status paid in full, in part, nothing, or no pledge (paid without pledging).",
  "По бюджетным годам и государствам: обещано, получено и задолженность = max(0, обещано - получено); статус: оплачено полностью, частично, не оплачено или без обязательства.",
  "Бюджет жылдары мен мемлекеттер бойынша: міндеттелгені, түскені және берешек = max(0, міндеттелгені - түскені); мәртебесі: толық төленді, ішінара төленді, төленбеді немесе міндеттемесіз."}},
{"def.execution",
 {"Per budget year and line: approved, spent, execution rate = spent / approved, remaining = approved - spent, and a total line per year; a line without spending is n/a.",
  "По бюджетным годам и статьям: утверждено, израсходовано, исполнение = израсходовано / утверждено, остаток = утверждено - израсходовано, и итог за год; статья без расходов — н/д.",
  "Бюджет жылдары мен баптар бойынша: бекітілгені, жұмсалғаны, орындалуы = жұмсалғаны / бекітілгені, қалдық = бекітілгені - жұмсалғаны және жыл қорытындысы; шығысы жоқ бап — ж/о."}},
{"def.activity_area",
 {"Events of the annual plans per year and priority area (every area, zeros included): in the plan (every item, whatever became of it), held, postponed, cancelled; implementation rate = held / in the plan.",
  "Мероприятия ежегодных планов по годам и приоритетным направлениям (все направления, включая нулевые): в плане (каждый пункт плана), проведено, перенесено, отменено; уровень выполнения = проведено / в плане.",
  "Жылдық жоспарлардың іс-шаралары жылдар мен басым бағыттар бойынша (барлық бағыттар, нөлдерімен): жоспарда (жоспардың әр тармағы), өткізілді, кейінге қалдырылды, болдырылмады; орындалу деңгейі = өткізілгені / жоспардағысы."}},
{"def.activity_dimension",
 {"Events of the annual plans per year and dimension: in the plan, held, postponed, cancelled; implementation rate = held / in the plan.",
  "Мероприятия ежегодных планов по годам и измерениям: в плане, проведено, перенесено, отменено; уровень выполнения = проведено / в плане.",
  "Жылдық жоспарлардың іс-шаралары жылдар мен өлшемдер бойынша: жоспарда, өткізілді, кейінге қалдырылды, болдырылмады; орындалу деңгейі = өткізілгені / жоспардағысы."}},
{"def.activity_organizer",
 {"Events of the annual plans per year and organizing state (an event counts once for each of its organizers): in the plan, held, postponed, cancelled; implementation rate = held / in the plan.",
  "Мероприятия ежегодных планов по годам и государствам-организаторам (мероприятие учитывается у каждого из организаторов): в плане, проведено, перенесено, отменено; уровень выполнения = проведено / в плане.",
  "Жылдық жоспарлардың іс-шаралары жылдар мен ұйымдастырушы мемлекеттер бойынша (іс-шара әр ұйымдастырушыда бір рет есептеледі): жоспарда, өткізілді, кейінге қалдырылды, болдырылмады; орындалу деңгейі = өткізілгені / жоспардағысы."}},
{"def.activity_format",
 {"Events of the annual plans per year and format (in person, virtual, hybrid, not stated; every format, zeros included): in the plan, held, postponed, cancelled; implementation rate = held / in the plan.",
  "Мероприятия ежегодных планов по годам и формату (очно, онлайн, гибридно, не указан; все форматы, включая нулевые): в плане, проведено, перенесено, отменено; уровень выполнения = проведено / в плане.",
  "Жылдық жоспарлардың іс-шаралары жылдар мен өткізу форматы бойынша (күндізгі, онлайн, аралас, көрсетілмеген; барлық форматтар, нөлдерімен): жоспарда, өткізілді, кейінге қалдырылды, болдырылмады; орындалу деңгейі = өткізілгені / жоспардағысы."}},
{"def.activity_venue",
 {"Events of the annual plans per year and venue as the plan names it (not stated when it names none): in the plan, held, postponed, cancelled; implementation rate = held / in the plan.",
  "Мероприятия ежегодных планов по годам и месту проведения, как оно названо в плане (не указано, если не названо): в плане, проведено, перенесено, отменено; уровень выполнения = проведено / в плане.",
  "Жылдық жоспарлардың іс-шаралары жылдар мен жоспарда аталған өткізілетін орны бойынша (аталмаса — көрсетілмеген): жоспарда, өткізілді, кейінге қалдырылды, болдырылмады; орындалу деңгейі = өткізілгені / жоспардағысы."}},
{"def.coordinators",
 {"Per year and priority area: the coordinator and co-coordinators whose term covers the year (from_year <= year <= to_year, or open), vacant where no coordinator serves; organised: the year's events the state organised in its area, held: those of them held.",
  "По годам и приоритетным направлениям: координатор и сокоординаторы, чей срок охватывает год (from_year <= год <= to_year или без срока), вакантно, если координатора нет; организовано: мероприятия года, организованные государством по своему направлению, проведено: из них проведённые.",
  "Жылдар мен басым бағыттар бойынша: мерзімі жылды қамтитын үйлестіруші мен бірлескен үйлестірушілер (from_year <= жыл <= to_year немесе мерзімсіз), үйлестіруші болмаса — бос; ұйымдастырылды: мемлекет өз бағыты бойынша ұйымдастырған жыл іс-шаралары, өткізілді: олардың өткізілгені."}},
{"def.concentration",
 {"Per year, over the states that contributed: the share of the largest 1, 3 and 5 contributors; HHI = sum of squared shares; Gini = sum of |xi - xj| / (2 n^2 mean).",
  "По годам, среди государств, внёсших взносы: доля 1, 3 и 5 крупнейших доноров; HHI = сумма квадратов долей; Джини = сумма |xi - xj| / (2 n^2 · среднее).",
  "Жылдар бойынша, жарна төлеген мемлекеттер арасында: ең ірі 1, 3 және 5 төлеушінің үлесі; HHI = үлестер квадраттарының қосындысы; Джини = |xi - xj| қосындысы / (2 n^2 · орташа)."}},
{"def.trend",
 {"Least-squares line of the yearly value on the year, over years with an approved budget; next year's forecast with its 95 % prediction interval; cagr: compound annual growth from the first year to the last.",
  "Линия наименьших квадратов годового значения по годам с утверждённым бюджетом; прогноз на следующий год с 95-процентным интервалом; cagr — среднегодовой темп роста от первого года до последнего.",
  "Бекітілген бюджеті бар жылдар бойынша жылдық мәннің ең кіші квадраттар сызығы; келесі жылға 95 % аралықпен болжам; cagr — бірінші жылдан соңғы жылға дейінгі орташа жылдық өсім."}},
{"def.forecast",
 {"Forecast of the collection rate by 31 December: the rate on the as-of day plus the mean gain earlier years made from the same day to the end of the year; low and high with their smallest and largest gain.",
  "Прогноз уровня сбора на 31 декабря: уровень на дату отчёта плюс средний прирост прошлых лет от того же дня до конца года; минимум и максимум — по наименьшему и наибольшему приросту.",
  "Жиналу деңгейінің 31 желтоқсанға болжамы: есеп күнгі деңгей және өткен жылдардың сол күннен жыл соңына дейінгі орташа өсімі; төменгі және жоғарғы мәндер ең аз және ең көп өсім бойынша."}},
{"def.shares",
 {"What-if shares of the approved budget under the scale '{}': due = budget x share; difference = received - due.",
  "Доли утверждённого бюджета «что если» по шкале «{}»: причитается = бюджет x доля; разница = получено - причитается.",
  "«{}» шкаласы бойынша бекітілген бюджеттің «егер» үлестері: тиесілі = бюджет x үлес; айырма = түскені - тиесілі."}},
{"def.secondments",
 {"Per year and state: person-months of diplomats seconded to the Secretariat.",
  "По годам и государствам: человеко-месяцы дипломатов, прикомандированных к Секретариату.",
  "Жылдар мен мемлекеттер бойынша: Хатшылыққа іссапарға жіберілген дипломаттардың адам-айлары."}},
{"def.curve",
 {"For each day of the year: received to date and its rate, beside the mean, lowest and highest rate earlier years had reached by the same day, and the even pace (day / days in the year).",
  "Для каждого дня года: получено нарастающим итогом и уровень сбора рядом со средним, наименьшим и наибольшим уровнем прошлых лет на тот же день и равномерным темпом (день / дней в году).",
  "Жылдың әр күні үшін: жинақталған түсім және оның деңгейі, өткен жылдардың сол күнгі орташа, ең төмен және ең жоғары деңгейі және біркелкі қарқын (күн / жылдағы күндер)."}},
{"def.sources",
 {"The imported files (batches) behind the figures: kind, file, rows, when loaded and SHA-256.",
  "Импортированные файлы (пакеты), на которых основаны показатели: вид, файл, строки, время загрузки и SHA-256.",
  "Көрсеткіштер негізделген импортталған файлдар (топтамалар): түрі, файл, жолдар, жүктелген уақыты және SHA-256."}},
{"def.query",
 {"The result of the SQL query, row for row.",
  "Результат SQL-запроса, строка за строкой.",
  "SQL сұрауының нәтижесі, жол-жолымен."}},
};
/* clang-format on */

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

/* ---- Kazakh case endings of numerals ------------------------------------- */

/* The sound a Kazakh word ends in, which picks the form of an ending. */
enum kk_end {
	KK_VOWEL,     /* а е ... */
	KK_NASAL,     /* м н ң */
	KK_SONORANT,  /* р л й у */
	KK_VOICED,    /* ж з */
	KK_VOICELESS, /* к қ п с т ш ... */
};

struct kk_word {
	enum kk_end end;
	bool front; /* front (soft) vowels: the ending takes е, і */
};

/* The last spoken word of the whole number N (< 10^15): its units, else
 * its tens, else hundred, thousand or million. */
static struct kk_word kk_number(unsigned long long n)
{
	static const struct kk_word units[10] = {
	    {KK_SONORANT, true},  /* нөл */
	    {KK_SONORANT, true},  /* бір */
	    {KK_VOWEL, true},     /* екі */
	    {KK_VOICELESS, true}, /* үш */
	    {KK_VOICELESS, true}, /* төрт */
	    {KK_VOICELESS, true}, /* бес */
	    {KK_VOWEL, false},    /* алты */
	    {KK_VOWEL, true},     /* жеті */
	    {KK_VOICED, true},    /* сегіз */
	    {KK_VOICED, false},   /* тоғыз */
	};
	static const struct kk_word tens[10] = {
	    {KK_VOWEL, false},     /* (none) */
	    {KK_NASAL, false},     /* он */
	    {KK_VOWEL, false},     /* жиырма */
	    {KK_VOICED, false},    /* отыз */
	    {KK_VOICELESS, false}, /* қырық */
	    {KK_SONORANT, true},   /* елу */
	    {KK_VOICELESS, false}, /* алпыс */
	    {KK_VOICELESS, true},  /* жетпіс */
	    {KK_NASAL, true},      /* сексен */
	    {KK_NASAL, false},     /* тоқсан */
	};

	if (n == 0)
		return units[0];
	if (n % 10)
		return units[n % 10];
	if (n % 100)
		return tens[n / 10 % 10];
	if (n % 1000)
		return (struct kk_word){KK_VOICED, true}; /* жүз */
	if (n % 1000000)
		return (struct kk_word){KK_NASAL, false}; /* мың */
	return (struct kk_word){KK_NASAL, false};         /* миллион */
}

/* The word TEXT ends with when read aloud: "пайыз" after a percent sign,
 * else the number it ends with (after a decimal comma or a date's last
 * dot, the digits that follow it are what is read last).  False when
 * TEXT does not end in a number. */
static bool kk_last_word(const char *text, struct kk_word *w)
{
	const char *end, *p;
	unsigned long long n = 0;

	for (p = text + strlen(text); p > text && g_ascii_isspace(p[-1]); p--)
		;
	if (p > text && p[-1] == '%') {
		*w = (struct kk_word){KK_VOICED, false}; /* пайыз */
		return true;
	}
	end = p;
	/* Digits, with the no-break spaces between thousands. */
	while (p > text) {
		if (g_ascii_isdigit(p[-1])) {
			p--;
		} else if (p - text >= 2 && (unsigned char)p[-2] == 0xC2 &&
		           (unsigned char)p[-1] == 0xA0) {
			p -= 2;
		} else if (p - text >= 3 && (unsigned char)p[-3] == 0xE2 &&
		           (unsigned char)p[-2] == 0x80 &&
		           (unsigned char)p[-1] == 0xAF) {
			p -= 3;
		} else {
			break;
		}
	}
	if (p == end)
		return false;
	for (; p < end; p++)
		if (g_ascii_isdigit(*p) && n < 100000000000000ULL)
			n = n * 10 + (unsigned long long)(*p - '0');
	*w = kk_number(n);
	return true;
}

/* The ending of case CASE ("dat", "loc", "abl", "gen", "acc", "poss")
 * after W, or NULL for an unknown case. */
static const char *kk_ending(const char *c, struct kk_word w)
{
	bool f = w.front;

	if (strcmp(c, "dat") == 0)
		return w.end == KK_VOICELESS ? (f ? "ке" : "қа")
		                             : (f ? "ге" : "ға");
	if (strcmp(c, "loc") == 0)
		return w.end == KK_VOICELESS ? (f ? "те" : "та")
		                             : (f ? "де" : "да");
	if (strcmp(c, "abl") == 0)
		return w.end == KK_VOICELESS ? (f ? "тен" : "тан")
		       : w.end == KK_NASAL   ? (f ? "нен" : "нан")
		                             : (f ? "ден" : "дан");
	if (strcmp(c, "gen") == 0)
		return w.end == KK_VOICELESS ? (f ? "тің" : "тың")
		       : w.end == KK_VOWEL || w.end == KK_NASAL
		           ? (f ? "нің" : "ның")
		           : (f ? "дің" : "дың");
	if (strcmp(c, "acc") == 0)
		return w.end == KK_VOICELESS ? (f ? "ті" : "ты")
		       : w.end == KK_VOWEL   ? (f ? "ні" : "ны")
		                             : (f ? "ді" : "ды");
	if (strcmp(c, "poss") == 0)
		return w.end == KK_VOWEL ? (f ? "сі" : "сы") : (f ? "і" : "ы");
	return NULL;
}

char *rpt_kk_inflect(const char *value, const char *kase)
{
	struct kk_word w;
	const char *ending;

	if (!kk_last_word(value, &w) || !(ending = kk_ending(kase, w)))
		return g_strdup(value);
	return g_strdup_printf("%s-%s", value, ending);
}

/* ---- filling in values --------------------------------------------------- */

/* Appends VALUE, with the Kazakh ending of case KASE (NULL: none). */
static void put_value(GString *out, enum cbm_lang lang, const char *value,
                      const char *kase)
{
	char *v;

	if (!kase || lang != CBM_LANG_KK) {
		g_string_append(out, value);
		return;
	}
	v = rpt_kk_inflect(value, kase);
	g_string_append(out, v);
	g_free(v);
}

char *rpt_labelv(enum cbm_lang lang, const char *key, const char *const *values,
                 size_t n)
{
	const char *p = rpt_label(lang, key);
	GString *out = g_string_new(NULL);

	/* "{1}" .. "{9}" ("{}" is "{1}"), optionally "{1:dat}": the values,
	 * in whatever order a language needs. */
	while (*p) {
		const char *close = p[0] == '{' ? strchr(p, '}') : NULL;
		size_t i = 0;
		char kase[8] = "";
		if (close && close - p <= 8) {
			const char *q = p + 1;
			if (*q >= '1' && *q <= '9')
				i = (size_t)(*q++ - '1');
			if (*q == ':' && close - q - 1 < (long)sizeof(kase))
				memcpy(kase, q + 1, (size_t)(close - q - 1));
			else if (q != close)
				close = NULL; /* not a placeholder */
		}
		if (close && i < n) {
			put_value(out, lang, values[i], kase[0] ? kase : NULL);
			p = close + 1;
		} else {
			g_string_append_c(out, *p++);
		}
	}
	return g_string_free(out, FALSE);
}

char *rpt_labelf(enum cbm_lang lang, const char *key, const char *value)
{
	return rpt_labelv(lang, key, &value, 1);
}
