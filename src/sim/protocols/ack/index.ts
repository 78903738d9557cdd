export { producerMachine, type ProducerContext, type ProducerEvent, type ProducerInput } from './producer.machine';
export { brokerMachine, type BrokerContext, type BrokerEvent, type BrokerInput } from './broker.machine';
export { consumerMachine, type ConsumerContext, type ConsumerEvent, type ConsumerInput } from './consumer.machine';
export { ackScenarios } from './ack.scenarios';
export { ackProtocol, type AckWorld } from './ack.world';
