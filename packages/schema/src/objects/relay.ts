import { addRules, allow } from "../permissions.js";
import { isAuthenticated } from "../rules/roles.js";

// `node`/`nodes` resolve through the caller's tenant-scoped client, so an id from another
// tenant answers null exactly like a missing one; each returned type's rules still apply.
addRules({ Query: { node: isAuthenticated, nodes: isAuthenticated }, PageInfo: { "*": allow } });
