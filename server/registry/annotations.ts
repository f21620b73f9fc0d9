/**
 * The annotations the server itself reads during a sync (contract part 2,
 * §1.8 "Server, functions" and "Server, jobs"): for functions,
 * `@fluxbase:allow-unauthenticated` and `@fluxbase:public [true|false]` on
 * comment lines; for jobs, the unanchored timeout, memory, max-retries and
 * progress-timeout numbers.
 */

const ALLOW_UNAUTHENTICATED = /^[ \t\r\n\f]*(?:\/\/|\/\*|\*)[ \t\r\n\f]*@fluxbase:allow-unauthenticated/m;
const PUBLIC = /^[ \t\r\n\f]*(?:\/\/|\/\*|\*)[ \t\r\n\f]*@fluxbase:public(?:[ \t\r\n\f]+(true|false))?/m;

/** What a function's code says about its access. */
export interface FunctionAnnotations {
  allowUnauthenticated: boolean;
  isPublic: boolean;
}

/** `ParseFunctionConfig`: allow-unauthenticated defaults to false, public to true. */
export function functionAnnotations(code: string): FunctionAnnotations {
  const publicMatch = PUBLIC.exec(code);
  return {
    allowUnauthenticated: ALLOW_UNAUTHENTICATED.test(code),
    isPublic: publicMatch === null ? true : publicMatch[1] !== 'false',
  };
}

/** The numbers a job's code sets; absent when not annotated. */
export interface JobAnnotations {
  timeoutSeconds?: number;
  memoryLimitMb?: number;
  maxRetries?: number;
  progressTimeoutSeconds?: number;
}

function number(code: string, key: string): number | undefined {
  const match = new RegExp(`@fluxbase:${key}[ \\t\\r\\n\\f]+(\\d+)`).exec(code);
  if (match === null) return undefined;
  const value = Number(match[1]);
  return Number.isSafeInteger(value) ? value : undefined;
}

/** `parseAnnotations` of the jobs loader, limited to what sync applies. */
export function jobAnnotations(code: string): JobAnnotations {
  return {
    timeoutSeconds: number(code, 'timeout'),
    memoryLimitMb: number(code, 'memory'),
    maxRetries: number(code, 'max-retries'),
    progressTimeoutSeconds: number(code, 'progress-timeout'),
  };
}
