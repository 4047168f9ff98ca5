/**
 * A UI root of ours on a page: an element the page does not know, marked `data-paperlight-ui`,
 * holding an open shadow root with its own stylesheet, so page CSS cannot break our UI and our CSS
 * cannot break the page. Returns the host and the element to render into.
 */
export function createShadowHost(
  doc: Document,
  tag: string,
  kind: string,
  css: string,
): { host: HTMLElement; mountPoint: HTMLElement } {
  const host = doc.createElement(tag);
  host.setAttribute('data-paperlight-ui', kind);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = css;
  const mountPoint = doc.createElement('div');
  shadow.append(style, mountPoint);
  return { host, mountPoint };
}
