/**
 * The parts of the functions and jobs registry the extension reads (contract
 * part 3, §4.2, §6.1). List items carry more keys; the client checks and
 * keeps these.
 */

/** One item of `GET /api/v1/functions/` (EdgeFunctionSummary: no `code`, nullable fields sent as `null`). */
export interface EdgeFunctionSummary {
  id: string;
  name: string;
  /** `""` for functions created by the filesystem loader or `POST /api/v1/functions/`. */
  namespace: string;
  description: string | null;
  enabled: boolean;
  version: number;
  /** `filesystem`, `api`, or `""` (created by sync). */
  source: string;
  created_at: string;
  updated_at: string;
}

/** One item of `GET /api/v1/admin/jobs/functions` (JobFunctionSummary: empty fields omitted). */
export interface JobFunctionSummary {
  id: string;
  name: string;
  namespace: string;
  description?: string;
  enabled: boolean;
  schedule?: string;
  version: number;
  source: string;
  created_at: string;
  updated_at: string;
}
