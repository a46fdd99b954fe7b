/**
 * The one error the centrality engine throws for bad input (an unknown metric, a seed that is not a node, a
 * negative weight, an option out of range). Its message starts with the module that threw it. The service
 * layer can map it to a client error (400/422) without string matching; anything else the engine throws is a
 * bug.
 */
export class CentralityInputError extends Error {
  constructor(
    readonly module: string,
    message: string,
  ) {
    super(`${module}: ${message}`);
    this.name = 'CentralityInputError';
  }
}
