/** Which files "Open a file" reads: small, so the picker can name them without loading any reader. */
export const FILE_KINDS = ['txt', 'md', 'html', 'pdf', 'docx'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

/** For the file picker's `accept`: extensions and the types browsers give them. */
export const FILE_ACCEPT = [
  '.txt,.text,.md,.markdown,.html,.htm,.pdf,.docx',
  'text/plain,text/markdown,text/html,application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
].join(',');

/** By extension first (what the reader named it), then by the type the browser reports. */
export function fileKind(file: Pick<File, 'name' | 'type'>): FileKind | undefined {
  const extension = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase();
  switch (extension) {
    case 'txt':
    case 'text':
      return 'txt';
    case 'md':
    case 'markdown':
      return 'md';
    case 'html':
    case 'htm':
      return 'html';
    case 'pdf':
      return 'pdf';
    case 'docx':
      return 'docx';
  }
  if (file.type === 'application/pdf') return 'pdf';
  if (file.type === 'text/html') return 'html';
  if (file.type === 'text/markdown') return 'md';
  if (file.type === 'text/plain') return 'txt';
  return undefined;
}
