// NATS JetStream's own kinds on the network; a pull request is the generic `ready`, a nak is `nack`.
declare module '../../core/types' {
  interface PayloadKinds {
    term: { tag: string; channel: number };
    ackOk: { tag: string };
  }
}

export {};
