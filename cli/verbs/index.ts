import { netFormat, netValidate } from './format-validate.js';
import type { Verb } from './verb.js';

export const verbs: readonly Verb[] = [netFormat, netValidate];
