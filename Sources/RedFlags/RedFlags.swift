public enum RedFlags {}
