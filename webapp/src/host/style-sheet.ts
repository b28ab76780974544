// Adds a feature's style sheet to the page once (by id): styles inline styles cannot express
// (:hover, :disabled, animations), in Mattermost's theme variables.
export function addStyleSheet(id: string, css: string, doc: Document = document): void {
  if (doc.getElementById(id)) return;
  const style = doc.createElement('style');
  style.id = id;
  style.textContent = css;
  doc.head.appendChild(style);
}
