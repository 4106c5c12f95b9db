import { type HttpClient, type RequestOptions, pathParam } from '../http.js';
import { deserializeCatalogProvider, deserializeUnpaginatedList } from '../serializers.js';
import type { CatalogProvider, CatalogProviderList } from '../types.js';

/** The provider catalog shipped with the OpenPipes server (OpenPipes extension). */
export class Catalog {
  readonly #http: HttpClient;

  /** @internal */
  constructor(http: HttpClient) {
    this.#http = http;
  }

  /**
   * Lists the built-in providers the server knows about.
   *
   * `GET /catalog/providers`
   */
  async listProviders(requestOptions?: RequestOptions): Promise<CatalogProviderList> {
    const raw = await this.#http.json({ method: 'GET', path: '/catalog/providers' }, requestOptions);
    return deserializeUnpaginatedList(raw, deserializeCatalogProvider);
  }

  /**
   * Retrieves one built-in provider, including its declared config fields.
   *
   * `GET /catalog/providers/:slug`
   */
  async getProvider(slug: string, requestOptions?: RequestOptions): Promise<CatalogProvider> {
    const raw = await this.#http.json({ method: 'GET', path: `/catalog/providers/${pathParam('slug', slug)}` }, requestOptions);
    return deserializeCatalogProvider(raw);
  }
}
