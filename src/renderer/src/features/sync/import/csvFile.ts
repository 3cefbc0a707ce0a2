/**
 * The column names of a CSV's first record (quoted names may hold commas,
 * quotes and line breaks), for the mapping editor before anything is sent.
 */
export function csvHeader(text: string): string[] {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const names: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < input.length; i++) {
    const ch = input[i];
    if (quoted) {
      if (ch === '"' && input[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      names.push(field.trim());
      field = '';
    } else if (ch === '\n' || ch === '\r') break;
    else field += ch;
  }
  names.push(field.trim());
  return names.filter((name, i) => name !== '' || i < names.length - 1);
}
