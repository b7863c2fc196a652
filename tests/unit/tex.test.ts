import { describe, expect, it } from 'vitest';
import { readableTex } from '../../lib/tex';

describe('readableTex', () => {
  it('turns the TeX arXiv abstracts write around numbers into the characters it draws', () => {
    expect(readableTex('12\\%')).toBe('12%');
    expect(readableTex('37$\\%$')).toBe('37%');
    expect(readableTex('4.64$\\times$')).toBe('4.64×');
    expect(readableTex('5.02 $\\times$')).toBe('5.02×');
    expect(readableTex('8.2\\times')).toBe('8.2×');
    expect(readableTex('0.5$^{\\circ}$')).toBe('0.5°');
    expect(readableTex('0.5 ^\\circ$')).toBe('0.5°');
    expect(readableTex('\\textasciitilde42\\%')).toBe('~42%');
    expect(readableTex('$\\pm$0.3')).toBe('±0.3');
    expect(readableTex('1{,}024')).toBe('1,024');
  });

  it('keeps bounds readable: Greek letters, functions and roots', () => {
    expect(readableTex('\\Omega(\\log n)')).toBe('Ω(log n)');
    expect(readableTex('O(\\sqrt{T})')).toBe('O(√T)');
    expect(readableTex('O(\\sqrt{d T})')).toBe('O(√(d T))');
    expect(readableTex('\\tilde{O}(d^2\\varepsilon^{-2})')).toBe('O(d²ε⁻²)');
    expect(readableTex('O(n^{5/3})')).toBe('O(n^{5/3})');
    expect(readableTex('\\mathcal{O}(n)')).toBe('O(n)');
    expect(readableTex('O(\\frac{n}{\\epsilon^2})')).toBe('O(n/ε²)');
    expect(readableTex('\\Theta(\\frac{nd}{\\log d})')).toBe('Θ(nd/(log d))');
    expect(readableTex('O(d\\log{r})')).toBe('O(d log r)');
    expect(readableTex('O(\\sqrt{n}\\log\\log{n})')).toBe('O(√n log log n)');
  });

  it('reads titles: symbols, scripts and styled words', () => {
    expect(readableTex('Bounds on $\\sigma_8$ from Weak Lensing')).toBe('Bounds on σ₈ from Weak Lensing');
    expect(readableTex('$L^2$FMamba: Lightweight Light Field Image Super-Resolution')).toBe('L²FMamba: Lightweight Light Field Image Super-Resolution');
    expect(readableTex('Echo-E$^3$Net')).toBe('Echo-E³Net');
    expect(readableTex('reaction rate for $^{15}$N($p,γ$)$^{16}$O')).toBe('reaction rate for ¹⁵N(p,γ)¹⁶O');
    expect(readableTex('$\\textit{Agents Under Siege}$: Breaking LLM Systems')).toBe('Agents Under Siege: Breaking LLM Systems');
    expect(readableTex('a Starburst Galaxy at $z\\sim1$')).toBe('a Starburst Galaxy at z~1');
    expect(readableTex('Insights from the \\textsc{HESTIA} Simulations')).toBe('Insights from the HESTIA Simulations');
    expect(readableTex('Local $f_{\\rm NL}$ constraints')).toBe('Local f_{ NL} constraints');
  });

  it('leaves text without TeX as it is', () => {
    for (const plain of ['12.5%', '2.5x', '103%', 'O(h^{1/2})', 'state of the art', '']) expect(readableTex(plain)).toBe(plain);
  });

  it('drops commands it does not know instead of showing their backslash', () => {
    expect(readableTex('3\\,000')).toBe('3000');
    expect(readableTex('$a\\ b$')).toBe('a b');
    expect(readableTex('saves \\$5 at $n=10$')).toBe('saves $5 at n=10');
    expect(readableTex('\\unknowncommand 5')).toBe('unknowncommand 5');
  });

  it('runs in linear time on hostile input', () => {
    const hostile = '\\sqrt{'.repeat(50_000) + '\\a{'.repeat(50_000) + '$'.repeat(100_000);
    const start = performance.now();
    readableTex(hostile);
    // Generous: linear work on 500 KB takes milliseconds; a quadratic pattern would take minutes.
    expect(performance.now() - start).toBeLessThan(2000);
  });
});
