// net-dumpxml --xpath: a small XPath subset over the parsed network XML.
export { type SelectResult, selectXml } from './select-xml.js';
export { SUPPORTED_XPATH } from './xpath-syntax.js';
