// Typed react-redux hooks for the bed's state.
import { useSelector } from 'react-redux';
import type { BedState } from '../store/state';

export const useBedSelector = useSelector.withTypes<BedState>();
