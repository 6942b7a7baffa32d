import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, focusCommunity, fromParams, resetFilters, selectNode, setMinWeight, setWeighting, toParams, toggleType } from '../../../src/app/state/url-state.ts';
import type { ViewState } from '../../../src/app/state/url-state.ts';

describe('url-state', () => {
  it('toParams(DEFAULT_STATE) is empty, so a plain link opens the default view', () => {
    expect(toParams(DEFAULT_STATE).toString()).toBe('');
  });

  it('fromParams(toParams(state)) returns the state', () => {
    const state: ViewState = { node: 'pnp', other: 'vrae', hiddenTypes: ['LOC', 'PER'], weighting: 'jaccard', minWeight: 0.25, minMentions: 3, community: 2 };
    expect(fromParams(toParams(state))).toEqual(state);
    expect(toParams(state).toString()).toBe('node=pnp&with=vrae&off=LOC%2CPER&w=jaccard&min=0.25&mentions=3&community=2');
  });

  it('fromParams ignores what it cannot read', () => {
    expect(fromParams(new URLSearchParams('w=magic&min=abc&mentions=-4&community=1.5&with=x'))).toEqual(DEFAULT_STATE);
  });

  it('fromParams keeps entity keys with spaces and accents', () => {
    const params = toParams({ ...DEFAULT_STATE, node: 'national police', other: 'perú' });
    expect(fromParams(new URLSearchParams(params.toString()))).toMatchObject({ node: 'national police', other: 'perú' });
  });

  it('toggleType(type, false) hides a type once; toggleType(type, true) shows it again', () => {
    const off = toggleType('PER', false)(toggleType('PER', false)(DEFAULT_STATE));
    expect(off.hiddenTypes).toEqual(['PER']);
    expect(toggleType('PER', true)(off).hiddenTypes).toEqual([]);
  });

  it('setWeighting resets the threshold, whose unit depends on the scheme', () => {
    expect(setWeighting('npmi')(setMinWeight(4)(DEFAULT_STATE))).toMatchObject({ weighting: 'npmi', minWeight: null });
  });

  it('selectNode(null) clears the pair too; resetFilters keeps the selection', () => {
    const s = focusCommunity(3)(selectNode('a', 'b')(DEFAULT_STATE));
    expect(selectNode(null, 'b')(s)).toMatchObject({ node: null, other: null });
    expect(resetFilters()(s)).toEqual({ ...DEFAULT_STATE, node: 'a', other: 'b' });
  });
});
