import "../scalars.js";
import "./health.js";
