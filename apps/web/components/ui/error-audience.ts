"use client";

import { createContext } from "react";

/**
 * Who reads an error: staff see the API's code and the request id for their logs; client
 * users (the portal) see plain words only.
 */
export const ErrorAudienceContext = createContext<"staff" | "client">("staff");
