/** The method calls chained on a call, as query builders are written: `start.a(…).b(…)`. */
import { Node } from 'ts-morph';
import type { CallExpression } from 'ts-morph';

export interface Step {
  readonly name: string;
  readonly call: CallExpression;
  readonly nameNode: Node;
}

/** Each `.name(…)` called on the result of `start`, in order, until the chain ends. */
export function chainOf(start: CallExpression): Step[] {
  const steps: Step[] = [];
  let current: Node = start;
  for (;;) {
    const access = current.getParent();
    if (!access || !Node.isPropertyAccessExpression(access) || access.getExpression() !== current) break;
    const call = access.getParent();
    if (!call || !Node.isCallExpression(call) || call.getExpression() !== access) break;
    steps.push({ name: access.getName(), call, nameNode: access.getNameNode() });
    current = call;
  }
  return steps;
}
