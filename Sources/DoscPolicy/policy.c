/* The runtime's cost model, compiled into the Swift tool as well, so that what `dosc compile`
 * decides and what `dosc explain` shows are the runtime's own decisions, from the same code.
 * This file only includes it: Runtime/src/policy.c is the one copy. */
#include "../../Runtime/src/policy.c"
