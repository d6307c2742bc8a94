// axe-core injected into a page (its Playwright wrapper needs Node 22): the serious and critical
// WCAG 2.1 A/AA violations, and a readable report of them (issue 21 item 14).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

type AxeNode = { target: string[]; html: string; failureSummary?: string };
export type AxeViolation = { id: string; impact: string | null; help: string; nodes: AxeNode[] };

/** The violations as text: route, width, rule and the first five elements with their failure. */
export function describeViolations(route: string, width: string, violations: AxeViolation[]): string {
  return violations
    .map(
      (v) =>
        `${route} @ ${width}: [${v.impact}] ${v.id} — ${v.help}\n` +
        v.nodes
          .slice(0, 5)
          .map(
            (n) =>
              `    ${n.target.join(' ')}\n      ${n.html.slice(0, 160)}\n      ${n.failureSummary?.replace(/\n/g, '\n      ') ?? ''}`,
          )
          .join('\n'),
    )
    .join('\n');
}

/** Axe's serious and critical WCAG 2.1 A/AA violations on the current page. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  // page.evaluate is not subject to the app's Content-Security-Policy (script-src 'self'), which
  // blocks an inline <script> tag; axe itself needs no eval.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: unknown, options: unknown) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({
        target: n.target.map(String),
        html: n.html,
        failureSummary: n.failureSummary,
      })),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
