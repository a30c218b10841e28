/* kinds.h - internal to import/: the enumerated values the kinds share. */
#ifndef CBM_IMPORT_KINDS_H
#define CBM_IMPORT_KINDS_H

#include "import_internal.h"

extern const struct imp_enum_value imp_state_status[];
extern const struct imp_enum_value imp_dimensions[];
extern const struct imp_enum_value imp_roles[];
extern const struct imp_enum_value imp_event_formats[];
extern const struct imp_enum_value imp_event_status[];
extern const struct imp_enum_value imp_contribution_kinds[];
extern const struct imp_enum_value imp_budget_status[];

/* Built-in Russian and Kazakh header names that several kinds share
 * (struct imp_column .ru and .kk). */
/* clang-format off */
#define RU_STATE       {"Государство", "Страна"}
#define KK_STATE       {"Мемлекет", "Ел"}
#define RU_AREA        {"Приоритетная область", "Область"}
#define KK_AREA        {"Басым бағыт", "Бағыт"}
#define RU_YEAR        {"Год"}
#define KK_YEAR        {"Жыл", "Жылы"}
#define RU_BUDGET_YEAR {"Бюджетный год"}
#define KK_BUDGET_YEAR {"Бюджет жылы"}
#define RU_CURRENCY    {"Валюта"}
#define KK_CURRENCY    {"Валюта", "Валютасы"}
#define RU_AMOUNT      {"Сумма"}
#define KK_AMOUNT      {"Сома", "Сомасы"}
#define RU_NOTE        {"Примечание", "Комментарий"}
#define KK_NOTE        {"Ескерту", "Ескертпе"}
#define RU_NAME_EN     {"Название (англ.)", "Название на английском"}
#define KK_NAME_EN     {"Атауы (ағылш.)", "Ағылшынша атауы"}
#define RU_NAME_RU     {"Название (рус.)", "Название на русском"}
#define KK_NAME_RU     {"Атауы (орыс.)", "Орысша атауы"}
#define RU_NAME_KK     {"Название (каз.)", "Название на казахском"}
#define KK_NAME_KK     {"Атауы (қаз.)", "Қазақша атауы"}
/* A title in Russian or Kazakh (plan events, budget lines). */
#define RU_TITLE_RU    {"Название (рус.)", "Наименование (рус.)", "Название на русском"}
#define KK_TITLE_RU    KK_NAME_RU
#define RU_TITLE_KK    {"Название (каз.)", "Наименование (каз.)", "Название на казахском"}
#define KK_TITLE_KK    KK_NAME_KK
/* clang-format on */

#endif
