export { producerMachine, type ProducerContext, type ProducerEvent, type ProducerInput } from './producer.machine';
export { brokerMachine, type BrokerContext, type BrokerEvent, type BrokerInput } from './broker.machine';
export { consumerMachine, type ConsumerContext, type ConsumerEvent, type ConsumerInput } from './consumer.machine';
export { faultInfo, type FaultKind } from './ack.faults';
export { ackScenarios } from './ack.scenarios';
