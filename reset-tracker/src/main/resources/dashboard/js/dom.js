// A tiny element builder: el('td', { class: 'num' }, 'text', childNode). Text is always set as text.

export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null) element.setAttribute(name, value);
  }
  for (const child of children.flat()) {
    if (child !== undefined && child !== null) {
      element.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
  return element;
}

/** Sets a figure's text and keeps its raw value in data-value, which tests and tooling can read. */
export function setFigure(element, value, text) {
  element.dataset.value = String(value);
  element.textContent = text;
}
