// The bed's Redux store, handed to plugins as initialize()'s second argument. Like Mattermost's
// store it accepts thunks (plugins dispatch functions) and takes plugin reducers at run time
// (registerReducer → state['plugins-<id>']).
import { combineReducers, legacy_createStore, applyMiddleware, type Middleware, type Reducer, type Store } from 'redux';
import type { BedAction } from './actions';
import { entities } from './entities';
import { plugins } from './plugins';
import type { BedState } from './state';

export type Thunk = (dispatch: BedDispatch, getState: () => BedState) => unknown;
export type BedDispatch = (action: BedAction | Thunk) => unknown;
export type BedStore = Omit<Store<BedState>, 'dispatch'> & { dispatch: BedDispatch };

const thunk: Middleware = (api) => (next) => (action) =>
  typeof action === 'function' ? (action as Thunk)((a) => api.dispatch(a as BedAction), () => api.getState() as BedState) : next(action);

const pluginReducers: Record<string, Reducer> = {};
const root = (): Reducer => combineReducers({ entities, plugins, ...pluginReducers }) as Reducer;

// legacy_createStore is Redux 5's name for createStore without the "use Redux Toolkit" notice;
// Mattermost's webapp builds its store with the same function.
export const reduxStore: Store = legacy_createStore(root(), applyMiddleware(thunk));
/** The same store, typed with the bed's state and actions (and thunks). */
export const store = reduxStore as unknown as BedStore;

export function addPluginReducer(pluginId: string, reducer: Reducer): void {
  pluginReducers[`plugins-${pluginId}`] = reducer;
  store.replaceReducer(root());
}
