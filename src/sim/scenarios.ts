import { describeScenarios } from './engine/scenario';
import { ackScenarios } from './protocols/ack/ack.scenarios';
import { ackScenarioText } from './protocols/ack/ack.scenarios.text';
import { kafkaScenarios } from './protocols/kafka/kafka.scenarios';
import { kafkaScenarioText } from './protocols/kafka/kafka.scenarios.text';
import { rabbitScenarios } from './protocols/rabbitmq/rabbitmq.scenarios';
import { rabbitScenarioText } from './protocols/rabbitmq/rabbitmq.scenarios.text';
import { rocketScenarios } from './protocols/rocketmq/rocketmq.scenarios';
import { rocketScenarioText } from './protocols/rocketmq/rocketmq.scenarios.text';
import { jetstreamScenarios } from './protocols/jetstream/jetstream.scenarios';
import { jetstreamScenarioText } from './protocols/jetstream/jetstream.scenarios.text';

/** Every built-in scenario with its words: the generic queue's, then Kafka's, RabbitMQ's, RocketMQ's and JetStream's. */
export const allScenarios = [
  ...describeScenarios(ackScenarios, ackScenarioText),
  ...describeScenarios(kafkaScenarios, kafkaScenarioText),
  ...describeScenarios(rabbitScenarios, rabbitScenarioText),
  ...describeScenarios(rocketScenarios, rocketScenarioText),
  ...describeScenarios(jetstreamScenarios, jetstreamScenarioText),
];
