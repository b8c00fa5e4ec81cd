/**
 * The directory's problems in the person's language. The server answers with the shared schemas'
 * own words (English, as the directory file's import reports them); the page says per field what
 * it takes, and puts the checks across entries in words of its own. Anything it does not know is
 * shown as the server said it.
 */
import type { Strings } from './strings';

/** `roles.0.schoolId` → `schoolId`; `municipalityIds.1` → `municipalityIds`. */
function fieldName(field: string): string {
  const parts = field.split('.').filter((p) => !/^\d+$/.test(p));
  return parts.at(-1) ?? '';
}

export function problemText(t: Strings, field: string, message: string): string {
  const p = t.directory.problemTexts;
  const byField = p.fields[fieldName(field)];
  if (byField) return byField;
  for (const [pattern, say] of [
    [/unknown municipality (\S+)/, p.unknownMunicipality],
    [/unknown school (\S+)/, p.unknownSchool],
    [/(\S+) appears more than once/, p.duplicate],
    [/at least one admin/, p.lastAdmin],
    [/unknown role "([^"]*)"/, p.unknownRole],
    [/(\S+) is to be removed but is not in the directory/, p.notThere],
    [/(\S+) is not in the directory/, p.notThere],
  ] as const) {
    const match = pattern.exec(message);
    if (match) return say(match[1] ?? '');
  }
  return message;
}
