// libvirt's network XML read into the model and written back, byte for byte where libvirt does.

export { MAX_XML_BYTES } from './decode-source.js';
export { formatNetworkXml } from './format-network.js';
export { parseNetworkXml } from './parse-network.js';
export { parseXml } from './xml-parser.js';
export { attribute, childElements, firstChild, textContent, type XmlElement } from './xml-tree.js';
export { selectXml } from './xpath/index.js';
