// Reads an Open311 XML answer the way FixMyStreet's client does (XML::Simple with the spec's list
// elements forced to arrays, perllib/Open311.pm): a strict XML 1.0 parser (saxes) builds plain
// objects; an element with only text is its text, an empty element is null, and children named
// for one item of a list (`request`, `request_update`, `error`, …) are always arrays. Any
// well-formedness error fails the read.
import { SaxesParser } from 'saxes';

const LIST_ITEMS = new Set(['service', 'attribute', 'value', 'request', 'error', 'request_update']);

type Node = { name: string; children: Record<string, unknown>; text: string; hasChildren: boolean };

/** The document's root element name and its content, as FixMyStreet reads it. */
export function readOpen311Xml(text: string): { root: string; value: Record<string, any> } {
  const parser = new SaxesParser({ xmlns: false });
  const stack: Node[] = [];
  let root: { root: string; value: Record<string, any> } | null = null;
  parser.on('error', (e) => {
    throw new Error(`Open311 XML is not well-formed: ${e.message}`);
  });
  parser.on('opentag', (tag) => {
    stack.push({ name: tag.name, children: {}, text: '', hasChildren: false });
  });
  parser.on('text', (t) => {
    const top = stack.at(-1);
    if (top) top.text += t;
  });
  parser.on('closetag', () => {
    const node = stack.pop() as Node;
    const value = node.hasChildren ? node.children : node.text.trim() === '' ? null : node.text;
    const parent = stack.at(-1);
    if (!parent) {
      root = { root: node.name, value: (node.hasChildren ? node.children : {}) as Record<string, any> };
      return;
    }
    parent.hasChildren = true;
    const before = parent.children[node.name];
    if (LIST_ITEMS.has(node.name)) parent.children[node.name] = [...((before as unknown[]) ?? []), value];
    else parent.children[node.name] = value;
  });
  parser.write(text).close();
  if (!root) throw new Error('Open311 XML has no root element');
  return root;
}
