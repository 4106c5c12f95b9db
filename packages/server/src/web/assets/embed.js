/**
 * The host page's side of OpenPipes' hosted widgets. Load it from your OpenPipes server with a plain
 *   <script src="https://pipes.example.com/widgets/embed.js" defer></script>
 * and write
 *   <openpipes-widget widget="pipes" token="…"></openpipes-widget>
 * (`widget="pipes-admin"` for the organization admin page). It frames the widget page with the
 * token in the fragment, so the token is never sent in a URL, a log or a Referer, and sizes the
 * frame to its content. A new `token` attribute reloads the frame with the new token.
 */
{
  const base = new URL(document.currentScript.src).origin;
  let loads = 0;

  class OpenPipesWidget extends HTMLElement {
    static observedAttributes = ['token', 'widget'];

    connectedCallback() {
      this.frame ??= document.createElement('iframe');
      this.frame.title = this.getAttribute('title') ?? 'Connected accounts';
      this.frame.style.cssText = 'width:100%;border:0;min-height:12rem;display:block';
      this.frame.referrerPolicy = 'no-referrer';
      this.listener ??= (event) => {
        if (event.origin === base && event.source === this.frame.contentWindow && event.data?.type === 'openpipes:height')
          this.frame.style.height = `${Number(event.data.height) || 0}px`;
      };
      window.addEventListener('message', this.listener);
      this.replaceChildren(this.frame);
      this.load();
    }

    disconnectedCallback() {
      window.removeEventListener('message', this.listener);
    }

    attributeChangedCallback() {
      if (this.frame) this.load();
    }

    /** A new query each time: changing only the fragment would not reload the page. */
    load() {
      const widget = this.getAttribute('widget') === 'pipes-admin' ? 'pipes-admin' : 'pipes';
      const token = encodeURIComponent(this.getAttribute('token') ?? '');
      this.frame.src = `${base}/widgets/${widget}?load=${++loads}#token=${token}`;
    }
  }

  if (!customElements.get('openpipes-widget')) customElements.define('openpipes-widget', OpenPipesWidget);
}
