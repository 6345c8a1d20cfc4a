import { dictionary } from "@zxcvbn-ts/language-common";
import { z } from "zod";

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;

// zxcvbn's list of the most common leaked passwords (about 50,000), lower-cased as it ships.
let common: Set<string> | undefined;
const commonPasswords = () => (common ??= new Set(dictionary["passwords-common"]));

/**
 * A new password: at least 12 characters and not one of the most common passwords.
 * @remarks Applies when a password is set, never at sign-in: an older, shorter password still signs in.
 */
export const ZNewPassword = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(MAX_PASSWORD_LENGTH)
  .refine((password) => !commonPasswords().has(password.toLowerCase()), "is one of the most common passwords: choose another");
