// A network name as a file name on the host and as a word typed in a shell (for display).

export { fileStem, nameFromFileStem } from './file-stem.js';
export { shellWord } from './shell-word.js';
