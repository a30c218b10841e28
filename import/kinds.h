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

#endif
