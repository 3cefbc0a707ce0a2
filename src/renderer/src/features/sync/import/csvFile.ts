/** Reads a text file with progress (0..1), so a large export shows how far along it is. */
export function readCsvFile(file: File, onProgress: (share: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    reader.onload = () => {
      onProgress(1);
      resolve(typeof reader.result === 'string' ? reader.result : '');
    };
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsText(file, 'utf-8');
  });
}

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
