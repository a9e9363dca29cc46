// Import: each file is defined as it is (libvirt's own files work unchanged). A file
// named like an existing network never silently replaces it: the user picks replace,
// a copy under a new name, or cancel. A file that fails can be opened in the editor.
import { readNetworkDefinition } from '../../../../core/definition.js';
import { ApiError, call } from '../../api/call.js';
import { confirmation } from '../../app/confirm.svelte.js';
import { notices } from '../../app/notices.svelte.js';
import { unsaved } from '../xml-editor/unsaved-guard.svelte.js';
import { cloneXml, replacingXml } from './definition-edits.js';
import { drafts } from './draft-state.svelte.js';
import { firstFreeName } from './list-view.js';
import { networks } from './networks-state.svelte.js';

/** The names defined, in order. */
export async function importFiles(files: FileList | File[]): Promise<string[]> {
  const defined: string[] = [];
  for (const file of Array.from(files)) {
    const text = await file.text();
    const name = await importOne(file.name, text);
    if (name) defined.push(name);
  }
  if (defined.length) notices.info(`Imported ${defined.join(', ')}`);
  return defined;
}

async function importOne(fileName: string, text: string): Promise<string | undefined> {
  const read = readNetworkDefinition(text);
  if (!read.ok) {
    // Reading a file refuses it as XML or as a definition; nothing here conflicts yet.
    const code = read.error.code === 'xml-parse' ? 'xml-parse' : 'validation';
    failed(fileName, fileStem(fileName), text, new ApiError({ code, message: read.error.message }));
    return undefined;
  }
  const name = read.value.name;
  let xml = text;
  if (networks.byName(name)) {
    const copyName = firstFreeName(
      networks.rows.map((r) => r.name),
      `${name}-copy`,
    );
    const choice = await askCollision(fileName, name, copyName);
    if (choice === undefined) return undefined;
    try {
      xml = choice === 'copy' ? cloneXml(text, copyName) : replacingXml(text, await existingXml(name));
    } catch (err) {
      failed(fileName, name, text, err);
      return undefined;
    }
  }
  try {
    return (await call('networks.define', { xml })).name;
  } catch (err) {
    failed(fileName, name, text, err);
    return undefined;
  }
}

function askCollision(fileName: string, name: string, copyName: string) {
  const row = networks.byName(name);
  const running = row?.active ? ` It is running; a replacement applies at its next start.` : '';
  return confirmation.choose({
    title: `A network named ${name} already exists`,
    body: `${fileName} defines a network named ${name}. Replace its definition with the file (it keeps its UUID and bridge), or import the file as a new network ${copyName}?${running}`,
    choices: [
      { id: 'replace', label: `Replace ${name}`, danger: true },
      { id: 'copy', label: `Import as ${copyName}`, primary: true },
    ],
  });
}

async function existingXml(name: string): Promise<string> {
  const x = await call('networks.xml', { name });
  return x.saved ?? x.live ?? '';
}

function failed(fileName: string, name: string, text: string, err: unknown): void {
  notices.error(`Importing ${fileName}`, err, undefined, undefined, {
    label: 'Open in editor',
    run: async () => {
      if (await unsaved.confirmLeave())
        drafts.open({
          name,
          xml: text,
          origin: `${fileName} did not import: fix it, then Apply to define it.`,
        });
    },
  });
}

function fileStem(fileName: string): string {
  return fileName.replace(/\.xml$/i, '') || 'imported';
}
