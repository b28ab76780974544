// Public surface of the go-plugin MuxBroker implementation.
export { MuxBroker, type MuxBrokerOptions } from './mux-broker';
export { readExactly } from './read-exact';
