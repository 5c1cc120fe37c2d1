// GOV.UK Frontend is served from /govuk in the browser; here it is a stand-in that does nothing.
export async function resolve(specifier, context, next) {
  if (specifier === '/govuk/govuk-frontend.min.js') return { url: new URL('./govuk.mjs', import.meta.url).href, shortCircuit: true };
  return next(specifier, context);
}
