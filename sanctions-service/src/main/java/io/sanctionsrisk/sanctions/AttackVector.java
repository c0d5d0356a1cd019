package io.sanctionsrisk.sanctions;

/** How a heist moved or tried to move the money. */
public enum AttackVector implements CodedValue {
    SWIFT_FRAUD("swift-fraud", "Fraudulent SWIFT messages"),
    ATM_CASH_OUT("atm-cash-out", "ATM cash-out"),
    EXCHANGE_HOT_WALLET("exchange-hot-wallet", "Exchange hot wallet"),
    BRIDGE_KEY_COMPROMISE("bridge-key-compromise", "Bridge validator key compromise"),
    SUPPLY_CHAIN("supply-chain", "Supply chain"),
    WATERING_HOLE("watering-hole", "Watering hole"),
    SOCIAL_ENGINEERING("social-engineering", "Social engineering"),
    UNDISCLOSED("undisclosed", "Undisclosed");

    private final String code;
    private final String label;

    AttackVector(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String label() {
        return label;
    }
}
